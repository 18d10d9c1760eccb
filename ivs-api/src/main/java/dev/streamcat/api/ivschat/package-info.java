/** The Amazon IVS Chat control API shape: {@link dev.streamcat.api.ivschat.IvsChat} and its records. */
@NullMarked
package dev.streamcat.api.ivschat;

import org.jspecify.annotations.NullMarked;
