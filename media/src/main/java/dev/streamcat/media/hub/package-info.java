/**
 * The stream hub: per-stream fan-out of one publisher's media to subscribers (packager, recorder,
 * thumbnailer, transcoder) on the publisher's thread.
 */
@NullMarked
package dev.streamcat.media.hub;

import org.jspecify.annotations.NullMarked;
