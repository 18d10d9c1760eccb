package dev.streamcat.app.web;

/** The model of {@code error.jte}. Immutable. */
public record ErrorPage(Layout layout, int status, String heading, String message) {}
