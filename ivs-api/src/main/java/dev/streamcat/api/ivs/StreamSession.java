package dev.streamcat.api.ivs;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One stream session: the channel as it was, the ingest configuration measured from the stream and
 * its most recent events ({@code truncatedEvents}, at most 500). {@code endTime} is absent while live.
 */
public record StreamSession(
        String streamId,
        Instant startTime,
        @Nullable Instant endTime,
        Channel channel,
        IngestConfiguration ingestConfiguration,
        IngestConfigurations ingestConfigurations,
        @Nullable RecordingConfiguration recordingConfiguration,
        List<StreamEvent> truncatedEvents) {}
