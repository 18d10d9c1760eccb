package dev.streamcat.media.codec;

import dev.streamcat.media.AudioCodec;
import dev.streamcat.media.MediaFormatException;
import dev.streamcat.media.internal.BitReader;
import java.util.Arrays;

/**
 * AudioSpecificConfig, ISO/IEC 14496-3 §1.6.2.1.
 *
 * @param audioObjectType the AOT (2 = AAC-LC, 5 = SBR/HE-AAC, 29 = PS/HE-AACv2), Table 1.17
 * @param sampleRate core sampling frequency in Hz (from the index, Table 1.18, or explicit)
 * @param channelConfiguration channel configuration (Table 1.19); 0 means defined in-band
 * @param samplesPerFrame 1024, or 960 when GASpecificConfig sets frameLengthFlag
 * @param raw the AudioSpecificConfig bytes as received
 */
public record AacConfig(int audioObjectType, int sampleRate, int channelConfiguration, int samplesPerFrame, byte[] raw)
        implements AudioConfig {

    private static final int[] SAMPLE_RATES = {
        96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350
    };

    public AacConfig {
        raw = raw.clone();
    }

    /** Parses an AudioSpecificConfig (the payload of an AAC sequence header). */
    public static AacConfig parse(byte[] asc) {
        if (asc.length < 2) {
            throw new MediaFormatException("AudioSpecificConfig shorter than 2 bytes");
        }
        BitReader r = new BitReader(asc);
        int aot = objectType(r);
        int rate = samplingFrequency(r);
        int channels = r.bitsInt(4);
        int coreAot = aot;
        if (aot == 5 || aot == 29) {
            // Explicit SBR/PS signalling: extension sampling frequency, then the core object type.
            samplingFrequency(r);
            coreAot = objectType(r);
        }
        int samplesPerFrame = 1024;
        if (isGeneralAudioCoding(coreAot) && r.bitsRemaining() >= 1) {
            samplesPerFrame = r.flag() ? 960 : 1024; // GASpecificConfig frameLengthFlag, §4.4.1
        }
        if (aot == 0 || aot == 31) {
            throw new MediaFormatException("invalid audio object type " + aot);
        }
        return new AacConfig(aot, rate, channels, samplesPerFrame, asc);
    }

    private static int objectType(BitReader r) {
        int aot = r.bitsInt(5);
        return aot == 31 ? 32 + r.bitsInt(6) : aot;
    }

    private static int samplingFrequency(BitReader r) {
        int index = r.bitsInt(4);
        if (index == 15) {
            int explicit = r.bitsInt(24);
            if (explicit <= 0) {
                throw new MediaFormatException("explicit sampling frequency is zero");
            }
            return explicit;
        }
        if (index >= SAMPLE_RATES.length) {
            throw new MediaFormatException("reserved sampling frequency index " + index);
        }
        return SAMPLE_RATES[index];
    }

    private static boolean isGeneralAudioCoding(int aot) {
        return aot == 1 || aot == 2 || aot == 3 || aot == 4 || aot == 6 || aot == 7 || aot == 17 || aot == 19
                || aot == 20 || aot == 21 || aot == 22 || aot == 23;
    }

    @Override
    public AudioCodec codec() {
        return AudioCodec.AAC;
    }

    @Override
    public String codecString() {
        return "mp4a.40." + audioObjectType;
    }

    @Override
    public int channelCount() {
        // Configuration 7 is 7.1 (8 channels); 0 means a program config element, assume stereo.
        return switch (channelConfiguration) {
            case 0 -> 2;
            case 7 -> 8;
            default -> Math.min(channelConfiguration, 8);
        };
    }

    @Override
    public byte[] record() {
        return raw.clone();
    }

    @Override
    public byte[] raw() {
        return raw.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AacConfig other && Arrays.equals(raw, other.raw);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(raw);
    }

    @Override
    public String toString() {
        return "AacConfig[" + codecString() + " " + sampleRate + "Hz ch=" + channelConfiguration + "]";
    }
}
