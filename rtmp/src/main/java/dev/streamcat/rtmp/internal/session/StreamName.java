package dev.streamcat.rtmp.internal.session;

/**
 * A name with an optional query string, as encoders send app names and stream keys: {@code key?x=y}
 * (OBS and ffmpeg pass the query through untouched). Trailing slashes are dropped.
 */
record StreamName(String name, String query) {

    static StreamName parse(String raw) {
        int q = raw.indexOf('?');
        String name = q < 0 ? raw : raw.substring(0, q);
        String query = q < 0 ? "" : raw.substring(q + 1);
        while (name.endsWith("/")) {
            name = name.substring(0, name.length() - 1);
        }
        return new StreamName(name, query);
    }
}
