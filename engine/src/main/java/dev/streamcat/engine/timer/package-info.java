/** Timers that run only while there is work for them, so an idle server has nothing waking it up. */
@NullMarked
package dev.streamcat.engine.timer;

import org.jspecify.annotations.NullMarked;
