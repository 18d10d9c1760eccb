package dev.streamcat.media.codec;

/**
 * Display size of a video stream in pixels, after cropping.
 *
 * @param width pixels
 * @param height pixels
 */
public record Resolution(int width, int height) {
    public Resolution {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("resolution must be positive: " + width + "x" + height);
        }
    }

    /** HLS {@code RESOLUTION} attribute value, e.g. {@code 1280x720}. */
    @Override
    public String toString() {
        return width + "x" + height;
    }
}
