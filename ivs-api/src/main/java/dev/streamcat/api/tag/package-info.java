/** Tag operations shared by both services (TagResource, UntagResource, ListTagsForResource). */
@NullMarked
package dev.streamcat.api.tag;

import org.jspecify.annotations.NullMarked;
