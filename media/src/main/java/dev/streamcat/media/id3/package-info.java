/** ID3v2.4 tag encoding for timed metadata (TXXX and PRIV frames), carried in {@code emsg}. */
@NullMarked
package dev.streamcat.media.id3;

import org.jspecify.annotations.NullMarked;
