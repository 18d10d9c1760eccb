/** Resource identity: ids, ARNs, and the region/account/host the engine writes into them. */
@NullMarked
package dev.streamcat.engine.resource;

import org.jspecify.annotations.NullMarked;
