package dev.streamcat.media.flv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamcat.media.MediaFormatException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Seeded mutations of valid tag bodies: the decoders either decode or throw MediaFormatException. */
class FlvTagDecoderFuzzTest {
    private static final long SEED = 0x5EED_CA7L;
    private static final int MUTATIONS_PER_SEED = 3000;

    @Test
    void mutatedTagBodiesOnlyEverThrowMediaFormatException() {
        SplittableRandom random = new SplittableRandom(SEED);
        int decoded = 0;
        int rejected = 0;
        List<byte[]> video = FlvTagDecoderTest.videoSeeds();
        List<byte[]> audio = FlvTagDecoderTest.audioSeeds();
        List<byte[]> all = new ArrayList<>(video);
        all.addAll(audio);
        for (int s = 0; s < all.size(); s++) {
            boolean isVideo = s < video.size();
            for (int i = 0; i < MUTATIONS_PER_SEED; i++) {
                byte[] input = mutate(all.get(s), random);
                try {
                    if (isVideo) {
                        FlvTagDecoder.decodeVideo(random.nextLong(0, 1L << 32), input);
                    } else {
                        FlvTagDecoder.decodeAudio(random.nextLong(0, 1L << 32), input);
                    }
                    decoded++;
                } catch (MediaFormatException expected) {
                    rejected++;
                } catch (RuntimeException e) {
                    throw new AssertionError("seed " + s + " input " + Arrays.toString(input), e);
                }
            }
        }
        assertThat(decoded).isPositive();
        assertThat(rejected).isPositive();
    }

    static byte[] mutate(byte[] seed, SplittableRandom r) {
        byte[] b = seed.clone();
        int ops = 1 + r.nextInt(4);
        for (int k = 0; k < ops; k++) {
            switch (r.nextInt(5)) {
                case 0 -> {
                    if (b.length > 0) {
                        b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
                    }
                }
                case 1 -> {
                    if (b.length > 0) {
                        b[r.nextInt(b.length)] = (byte) r.nextInt(256);
                    }
                }
                case 2 -> b = Arrays.copyOf(b, r.nextInt(b.length + 1));
                case 3 -> {
                    byte[] longer = Arrays.copyOf(b, b.length + 1 + r.nextInt(8));
                    for (int i = b.length; i < longer.length; i++) {
                        longer[i] = (byte) r.nextInt(256);
                    }
                    b = longer;
                }
                default -> {
                    if (b.length > 6) {
                        int at = 5 + r.nextInt(b.length - 5);
                        b[at] = (byte) (r.nextBoolean() ? 0xFF : 0x00);
                    }
                }
            }
        }
        return b;
    }
}
