/** Resource tags, stored beside the resources, and the three tag operations of each service. */
@NullMarked
package dev.streamcat.engine.tag;

import org.jspecify.annotations.NullMarked;
