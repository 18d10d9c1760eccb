package dev.streamcat.app.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashing (RFC 9106) with BouncyCastle, stored in the PHC string format
 * {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}.
 *
 * <p>Parameters: 19 MiB of memory, 2 iterations, 1 lane, 16-byte random salt, 32-byte hash — the
 * OWASP Password Storage Cheat Sheet's first Argon2id configuration, about 30–60 ms per hash on one
 * core. Parameters are read back from each stored hash, so they can be raised later and {@link
 * #needsRehash} tells when a stored hash is weaker than today's.
 *
 * <p>Thread-safe. CPU-heavy and deliberately slow: call only from worker threads.
 */
public final class PasswordHasher {
    /** Cost parameters; immutable. */
    public record Cost(int memoryKiB, int iterations, int parallelism) {
        public static final Cost DEFAULT = new Cost(19_456, 2, 1);
    }

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private final Cost cost;
    private final SecureRandom random = new SecureRandom();
    private final String dummyHash;

    public PasswordHasher(Cost cost) {
        this.cost = cost;
        this.dummyHash = hash("streamcat-timing-equaliser");
    }

    public PasswordHasher() {
        this(Cost.DEFAULT);
    }

    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(password, salt, cost, HASH_BYTES);
        return "$argon2id$v=19$m=" + cost.memoryKiB() + ",t=" + cost.iterations() + ",p=" + cost.parallelism() + "$"
                + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /** True when {@code password} matches {@code stored}; false for a wrong password or a malformed hash. */
    public boolean verify(String password, String stored) {
        Optional<Parsed> parsed = parse(stored);
        if (parsed.isEmpty()) {
            return false;
        }
        Parsed p = parsed.get();
        byte[] actual = derive(password, p.salt(), p.cost(), p.hash().length);
        return MessageDigest.isEqual(actual, p.hash());
    }

    /** Spends the time of one verification, so unknown usernames answer as slowly as wrong passwords. */
    public void verifyDummy(String password) {
        verify(password, dummyHash);
    }

    public boolean needsRehash(String stored) {
        return parse(stored).map(p -> !p.cost().equals(cost)).orElse(true);
    }

    private record Parsed(Cost cost, byte[] salt, byte[] hash) {}

    private static Optional<Parsed> parse(String stored) {
        String[] parts = stored.split("\\$");
        if (parts.length != 6 || !parts[1].equals("argon2id") || !parts[2].equals("v=19")) {
            return Optional.empty();
        }
        try {
            int m = 0;
            int t = 0;
            int p = 0;
            for (String kv : parts[3].split(",")) {
                int value = Integer.parseInt(kv.substring(2));
                switch (kv.substring(0, 2)) {
                    case "m=" -> m = value;
                    case "t=" -> t = value;
                    case "p=" -> p = value;
                    default -> {
                        return Optional.empty();
                    }
                }
            }
            if (m < 8 || t < 1 || p < 1 || m > 1 << 21 || t > 20 || p > 16) {
                return Optional.empty();
            }
            return Optional.of(new Parsed(new Cost(m, t, p), B64D.decode(parts[4]), B64D.decode(parts[5])));
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    private static byte[] derive(String password, byte[] salt, Cost cost, int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(cost.memoryKiB())
                .withIterations(cost.iterations())
                .withParallelism(cost.parallelism())
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[length];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
