package dev.streamcat.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A throw-away RSA certificate for {@code 127.0.0.1} made by the system's {@code openssl}, for TLS
 * listeners in tests (RTMPS). Missing openssl follows {@link ExternalTools#require}.
 *
 * @param certificateChain the PEM certificate
 * @param privateKey the PEM PKCS#8 private key
 */
public record SelfSignedCertificate(Path certificateChain, Path privateKey) {

    /** Writes {@code cert.pem} and {@code key.pem} into {@code dir}, valid for a day. */
    public static SelfSignedCertificate createIn(Path dir) throws IOException, InterruptedException {
        Path openssl = ExternalTools.require("openssl");
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        Path log = dir.resolve("openssl.log");
        int exit = ExternalTools.run(
                dir,
                log,
                60,
                Map.of(),
                openssl.toString(),
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "1",
                "-subj",
                "/CN=127.0.0.1",
                "-keyout",
                key.toString(),
                "-out",
                cert.toString());
        if (exit != 0) {
            throw new IllegalStateException("openssl req failed (exit " + exit + "): " + Files.readString(log));
        }
        return new SelfSignedCertificate(cert, key);
    }
}
