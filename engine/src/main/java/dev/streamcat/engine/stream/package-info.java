/**
 * Live stream state: one {@link dev.streamcat.engine.stream.LiveStream} per publish (hub, packager,
 * ingest measurements, viewers, health), the {@link dev.streamcat.engine.stream.StreamRegistry} that
 * enforces one publisher per channel, and the lifecycle {@link dev.streamcat.engine.stream.StreamObserver}.
 */
@NullMarked
package dev.streamcat.engine.stream;

import org.jspecify.annotations.NullMarked;
