/** The Amazon IVS low-latency streaming API shape: {@link dev.streamcat.api.ivs.Ivs} and its records. */
@NullMarked
package dev.streamcat.api.ivs;

import org.jspecify.annotations.NullMarked;
