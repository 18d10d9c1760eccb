package dev.streamcat.app.web;

/** The person behind a signed-in session. Immutable. */
public record SignedInUser(long id, String username) {}
