package dev.streamcat.server;

/** A configuration value that stops start-up; the message names the option and its variable. */
public final class ConfigurationException extends RuntimeException {
    public ConfigurationException(String message) {
        super(message);
    }
}
