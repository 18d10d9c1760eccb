/** Channels and their live state: channel pages, follows, categories, stream history, stream events and the live-status probe. */
@NullMarked
package dev.streamcat.app.channel;

import org.jspecify.annotations.NullMarked;
