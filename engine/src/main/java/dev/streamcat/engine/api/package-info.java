/** The IVS / IVS Chat control API on HTTP (restJson1 + SigV4) and its error translation. */
@NullMarked
package dev.streamcat.engine.api;

import org.jspecify.annotations.NullMarked;
