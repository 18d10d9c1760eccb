package dev.streamcat.api.ivs;

import org.jspecify.annotations.Nullable;

/** What the broadcaster sends, as measured from the stream; a member is absent when the track is. */
public record IngestConfiguration(@Nullable VideoConfiguration video, @Nullable AudioConfiguration audio) {}
