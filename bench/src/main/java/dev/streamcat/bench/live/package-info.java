/**
 * Live video load: RTMP publishers that pace a pre-encoded FLV in real time (and know when each
 * frame left), LL-HLS and HLS probes that see when each part or segment can be downloaded.
 */
@NullMarked
package dev.streamcat.bench.live;

import org.jspecify.annotations.NullMarked;
