package dev.streamcat.server;

import dev.streamcat.engine.auth.Credentials;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Properties;

/**
 * The control-API key pair kept in the data directory ({@code credentials.properties}, readable by
 * its owner only) when none is given in the environment. Generated on first start.
 */
final class CredentialsStore {
    static final String FILE = "credentials.properties";
    private static final String KEY_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String SECRET_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    /** The stored pair, or a new one written to disk; {@code generated} tells which. */
    record Loaded(Credentials credentials, boolean generated) {}

    static Loaded loadOrGenerate(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        try {
            if (Files.exists(file)) {
                return new Loaded(read(file), false);
            }
            Credentials created = new Credentials("SCAK" + random(KEY_CHARS, 16), random(SECRET_CHARS, 40));
            write(file, created);
            return new Loaded(created, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + file, e);
        }
    }

    private static Credentials read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            p.load(reader);
        }
        String id = p.getProperty("access_key_id", "");
        String secret = p.getProperty("secret_access_key", "");
        try {
            return new Credentials(id, secret);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(
                    file + ": " + e.getMessage() + " (delete the file to generate a new pair)");
        }
    }

    private static void write(Path file, Credentials credentials) throws IOException {
        Files.createDirectories(file.getParent());
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            // another process won the race: its file is as good as ours
        }
        try (Writer writer = Files.newBufferedWriter(file, StandardOpenOption.TRUNCATE_EXISTING)) {
            writer.write("# StreamCat control-API credentials (generated). Keep this file secret.\n");
            writer.write("access_key_id=" + credentials.accessKeyId() + "\n");
            writer.write("secret_access_key=" + credentials.secretAccessKey() + "\n");
        }
    }

    private static String random(String alphabet, int length) {
        SecureRandom random = new SecureRandom();
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    private CredentialsStore() {}
}
