/**
 * CMAF / fragmented MP4 writer (ISO/IEC 14496-12, ISO/IEC 23000-19): the init segment ({@code
 * ftyp}+{@code moov}) and media fragments ({@code moof}+{@code mdat}, optionally preceded by
 * {@code emsg} boxes). Pure functions from values to bytes.
 */
@NullMarked
package dev.streamcat.media.mp4;

import org.jspecify.annotations.NullMarked;
