package dev.streamcat.engine.auth;

/** An access key pair for the control API. The secret never appears in {@link #toString()}. */
public record Credentials(String accessKeyId, String secretAccessKey) {
    public Credentials {
        if (!accessKeyId.matches("[A-Z0-9]{16,128}")) {
            throw new IllegalArgumentException("access key id must be 16-128 characters of A-Z and 0-9");
        }
        if (secretAccessKey.length() < 16 || secretAccessKey.length() > 128) {
            throw new IllegalArgumentException("secret access key must be 16-128 characters");
        }
    }

    @Override
    public String toString() {
        return "Credentials[accessKeyId=" + accessKeyId + ", secretAccessKey=***]";
    }
}
