/**
 * The IVS-compatible engine: {@link dev.streamcat.engine.Engine} assembles persistence, the
 * control-plane services and the HTTP listener from an {@link dev.streamcat.engine.EngineConfig}.
 */
@NullMarked
package dev.streamcat.engine;

import org.jspecify.annotations.NullMarked;
