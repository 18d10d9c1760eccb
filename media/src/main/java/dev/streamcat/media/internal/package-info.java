/**
 * Implementation helpers shared by the media packages (bounded byte and bit readers). Not API:
 * other modules must not use this package.
 */
@NullMarked
package dev.streamcat.media.internal;

import org.jspecify.annotations.NullMarked;
