/**
 * The publish session: the state machine that answers a publisher's commands (RTMP 1.0 §7.2), asks the
 * {@link dev.streamcat.rtmp.PublishAuthorizer}, and feeds an accepted publisher's tags to its {@link
 * dev.streamcat.rtmp.PublishSink}.
 */
@NullMarked
package dev.streamcat.rtmp.internal.session;

import org.jspecify.annotations.NullMarked;
