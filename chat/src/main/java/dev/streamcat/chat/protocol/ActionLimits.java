package dev.streamcat.chat.protocol;

/**
 * Bounds the {@link ActionParser} enforces before any other work. Defaults:
 *
 * <ul>
 *   <li>{@code maxFrameBytes} 16 KiB: a 500-code-point message fully {@code \\u}-escaped (12 bytes per astral code
 *       point) plus 1 KiB of escaped attributes still fits;
 *   <li>{@code maxContentCodePoints} 500: the IVS hard maximum; the room's own {@code maximumMessageLength} is checked
 *       later by the room;
 *   <li>{@code maxAttributes} 32 entries and {@code maxAttributesBytes} 1 KiB of UTF-8 keys + values, the same total
 *       as IVS token and SendEvent attributes (IVS does not publish a message-attribute limit);
 *   <li>ids ({@code Id}, {@code UserId}, {@code RequestId}) at most 128 characters, {@code Reason} at most 256.
 * </ul>
 *
 * <p>Exceeding a size bound answers 413; malformed input answers 400.
 *
 * <p>Immutable; thread-safe.
 */
public record ActionLimits(
        int maxFrameBytes,
        int maxContentCodePoints,
        int maxAttributes,
        int maxAttributesBytes,
        int maxIdLength,
        int maxReasonLength) {

    public ActionLimits {
        requirePositive(maxFrameBytes, "maxFrameBytes");
        requirePositive(maxContentCodePoints, "maxContentCodePoints");
        requirePositive(maxAttributes, "maxAttributes");
        requirePositive(maxAttributesBytes, "maxAttributesBytes");
        requirePositive(maxIdLength, "maxIdLength");
        requirePositive(maxReasonLength, "maxReasonLength");
    }

    /** The defaults described above. */
    public static ActionLimits defaults() {
        return new ActionLimits(16 * 1024, 500, 32, 1024, 128, 256);
    }

    private static void requirePositive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
