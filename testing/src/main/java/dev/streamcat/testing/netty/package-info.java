/**
 * Netty test fixtures: {@link dev.streamcat.testing.netty.NettyLeakDetectionExtension} fails a test when
 * Netty's resource-leak detector reports a leaked buffer.
 */
@NullMarked
package dev.streamcat.testing.netty;

import org.jspecify.annotations.NullMarked;
