package dev.streamcat.rtmp;

import java.net.InetSocketAddress;

/**
 * A client's request to publish: what it sent in {@code connect} and {@code publish} (RTMP 1.0
 * §7.2.1.1 and §7.2.2.6). Immutable.
 *
 * @param app the application name from {@code connect}, without query string (e.g. {@code app})
 * @param streamKey the stream name from {@code publish}, without query string
 * @param query the query string after {@code ?} in the stream name, without the {@code ?}; empty if none
 * @param tcUrl the {@code tcUrl} from {@code connect}; empty if the client sent none
 * @param remoteAddress the client's address
 * @param secure whether the client connected over TLS (RTMPS)
 */
public record PublishRequest(
        String app, String streamKey, String query, String tcUrl, InetSocketAddress remoteAddress, boolean secure) {
    /** Leaves the stream key out: it is a secret and must never reach a log. */
    @Override
    public String toString() {
        return "PublishRequest[app=" + app + ", streamKey=***, tcUrl=" + tcUrl + ", remoteAddress=" + remoteAddress
                + ", secure=" + secure + "]";
    }
}
