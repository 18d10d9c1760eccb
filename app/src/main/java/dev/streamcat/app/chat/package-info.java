/** Chat for channel pages: chat tokens, moderation (ban), and the app's chat logging configuration. */
@NullMarked
package dev.streamcat.app.chat;

import org.jspecify.annotations.NullMarked;
