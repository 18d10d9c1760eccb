package dev.streamcat.media.hub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamcat.media.AudioCodec;
import dev.streamcat.media.AudioFrame;
import dev.streamcat.media.MediaFrame;
import dev.streamcat.media.MediaSink;
import dev.streamcat.media.codec.AacConfig;
import dev.streamcat.media.codec.AudioConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamHubTest {
    private static final AudioFrame FRAME = new AudioFrame(AudioCodec.AAC, 0, new byte[] {1});

    static final class Recorder implements MediaSink {
        final List<String> events = new ArrayList<>();

        @Override
        public void onStart() {
            events.add("start");
        }

        @Override
        public void onAudioConfig(AudioConfig config) {
            events.add("audio-config");
        }

        @Override
        public void onFrame(MediaFrame frame) {
            events.add("frame");
        }

        @Override
        public void onEnd() {
            events.add("end");
        }
    }

    @Test
    void fansOutToEverySubscriberInOrder() {
        StreamHub hub = new StreamHub();
        Recorder a = new Recorder();
        Recorder b = new Recorder();
        hub.subscribe(a);
        hub.subscribe(b);
        hub.onStart();
        hub.onFrame(FRAME);
        hub.onEnd();
        assertThat(a.events).containsExactly("start", "frame", "end");
        assertThat(b.events).isEqualTo(a.events);
    }

    @Test
    void replaysStartAndConfigToLateSubscribers() {
        StreamHub hub = new StreamHub();
        hub.onStart();
        hub.onAudioConfig(AacConfig.parse(new byte[] {0x11, (byte) 0x90}));
        Recorder late = new Recorder();
        hub.subscribe(late);
        hub.onFrame(FRAME);
        assertThat(late.events).containsExactly("start", "audio-config", "frame");
    }

    @Test
    void stopsDeliveringAfterClose() {
        StreamHub hub = new StreamHub();
        Recorder r = new Recorder();
        Subscription s = hub.subscribe(r);
        hub.onStart();
        s.close();
        hub.onFrame(FRAME);
        assertThat(r.events).containsExactly("start");
        assertThat(hub.subscriberCount()).isZero();
    }

    @Test
    void removesAFailingSubscriberWithoutHurtingOthers() {
        List<RuntimeException> failures = new ArrayList<>();
        StreamHub hub = new StreamHub(failures::add);
        hub.subscribe(frame -> {
            throw new IllegalStateException("boom");
        });
        Recorder healthy = new Recorder();
        hub.subscribe(healthy);
        hub.onStart();
        hub.onFrame(FRAME);
        hub.onFrame(FRAME);
        assertThat(failures).hasSize(1);
        assertThat(healthy.events).containsExactly("start", "frame", "frame");
    }
}
