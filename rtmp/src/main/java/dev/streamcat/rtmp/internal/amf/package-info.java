/**
 * AMF0 and AMF3 value codecs (Adobe "Action Message Format -- AMF 0", 2007, and "AMF 3", 2013) for RTMP
 * command and data messages. Values map to plain Java types, documented on {@link
 * dev.streamcat.rtmp.internal.amf.Amf0Reader}. Readers are bounded: nesting depth is capped and every
 * length is checked against the bytes actually present, so a hostile length cannot make them allocate.
 */
@NullMarked
package dev.streamcat.rtmp.internal.amf;

import org.jspecify.annotations.NullMarked;
