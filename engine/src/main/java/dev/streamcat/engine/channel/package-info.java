/**
 * IVS channels, stream keys and recording configurations: the in-process {@link
 * dev.streamcat.engine.channel.IvsService}, its validation and its tables.
 */
@NullMarked
package dev.streamcat.engine.channel;

import org.jspecify.annotations.NullMarked;
