/** The streamer's dashboard: ingest URL and stream key, key rotation, title and category, live preview, past streams. */
@NullMarked
package dev.streamcat.app.dashboard;

import org.jspecify.annotations.NullMarked;
