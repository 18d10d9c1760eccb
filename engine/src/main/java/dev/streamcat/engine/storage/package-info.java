/**
 * S3-compatible object storage: {@link dev.streamcat.engine.storage.S3Endpoint} (where and how to reach it) and {@link
 * dev.streamcat.engine.storage.SpoolUploader}, which uploads finished files from a local spool directory with retries
 * and deletes each after a successful PUT, so nothing is lost while the endpoint is down or the process restarts.
 */
@NullMarked
package dev.streamcat.engine.storage;

import org.jspecify.annotations.NullMarked;
