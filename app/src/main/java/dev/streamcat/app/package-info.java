/**
 * The StreamCat web application: sign up, go live, watch and chat. {@link dev.streamcat.app.StreamCatApp}
 * starts it on its own HTTP listener; it reaches the engine only through the {@code Ivs} and {@code
 * IvsChat} interfaces of {@code ivs-api}.
 */
@NullMarked
package dev.streamcat.app;

import org.jspecify.annotations.NullMarked;
