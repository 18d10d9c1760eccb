/**
 * Types shared by the Amazon IVS and IVS Chat API shapes: the service errors and their wire
 * names. The app sees the engine only through this module (see {@code DESIGN.md} §1).
 */
@NullMarked
package dev.streamcat.api;

import org.jspecify.annotations.NullMarked;
