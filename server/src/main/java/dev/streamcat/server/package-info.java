/** The runnable process: command line, configuration, and the wiring of engine and app. */
@NullMarked
package dev.streamcat.server;

import org.jspecify.annotations.NullMarked;
