/** Shared HTTP plumbing of the app: database, server-side sessions, CSRF, templates, static assets, errors, worker threads. */
@NullMarked
package dev.streamcat.app.web;

import org.jspecify.annotations.NullMarked;
