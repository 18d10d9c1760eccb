package dev.streamcat.rtmp;

/**
 * The AMF {@code null} and {@code undefined} values (AMF0 markers 0x05 and 0x06, AMF3 markers 0x01 and
 * 0x00). Decoded AMF values never contain Java {@code null}; they contain these constants instead.
 */
public enum AmfNull {
    NULL,
    UNDEFINED
}
