package dev.streamcat.rtmp.internal.session;

import static dev.streamcat.rtmp.internal.ClientWire.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.streamcat.rtmp.AudioCodec;
import dev.streamcat.rtmp.VideoCodec;
import dev.streamcat.testing.netty.NettyLeakDetectionExtension;
import io.netty.buffer.ByteBuf;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NettyLeakDetectionExtension.class)
class FlvTagsTest {

    private static Optional<VideoCodec> video(int... tag) {
        ByteBuf buf = bytes(tag);
        try {
            return FlvTags.videoCodec(buf);
        } finally {
            buf.release();
        }
    }

    private static Optional<AudioCodec> audio(int... tag) {
        ByteBuf buf = bytes(tag);
        try {
            return FlvTags.audioCodec(buf);
        } finally {
            buf.release();
        }
    }

    @Test
    void namesLegacyVideoCodecs() {
        assertThat(video(0x17, 0)).contains(VideoCodec.AVC);
        assertThat(video(0x22)).contains(VideoCodec.H263);
        assertThat(video(0x14)).contains(VideoCodec.VP6);
        assertThat(video(0x53, 0)).isEmpty(); // command frame
        assertThat(video()).isEmpty();
    }

    @Test
    void namesEnhancedRtmpVideoFourCcs() {
        assertThat(video(0x90, 'h', 'v', 'c', '1')).contains(VideoCodec.HEVC);
        assertThat(video(0x91, 'a', 'v', '0', '1')).contains(VideoCodec.AV1);
        assertThat(video(0x93, 'a', 'v', 'c', '1')).contains(VideoCodec.AVC);
        assertThat(video(0x96, 0x00, 'h', 'v', 'c', '1')).contains(VideoCodec.HEVC); // multitrack, one track
        assertThat(video(0x90, 'h', 'v')).contains(VideoCodec.UNKNOWN);
        assertThat(video(0x97, 1, 2)).isEmpty(); // ModEx
    }

    @Test
    void namesAudioCodecs() {
        assertThat(audio(0xAF, 0)).contains(AudioCodec.AAC);
        assertThat(audio(0x2F)).contains(AudioCodec.MP3);
        assertThat(audio(0x90, 'O', 'p', 'u', 's')).contains(AudioCodec.OPUS);
        assertThat(audio(0x91, 'm', 'p', '4', 'a')).contains(AudioCodec.AAC);
        assertThat(audio(0xF0)).contains(AudioCodec.UNKNOWN);
    }
}
