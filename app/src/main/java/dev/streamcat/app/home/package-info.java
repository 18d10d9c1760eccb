/** The home page (live channels, categories) and the category pages. */
@NullMarked
package dev.streamcat.app.home;

import org.jspecify.annotations.NullMarked;
