/**
 * Stream events in the Amazon EventBridge shape ({@code IVS Stream State Change}, {@code IVS Stream
 * Health Change}): delivered in order to in-process {@link dev.streamcat.engine.event.StreamEventListener}s
 * and to HMAC-signed webhooks with retries, off the media path.
 */
@NullMarked
package dev.streamcat.engine.event;

import org.jspecify.annotations.NullMarked;
