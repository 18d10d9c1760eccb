package dev.streamcat.engine.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.streamcat.engine.resource.EngineJson;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals chat token claims into an opaque string and opens it again: AES-256-GCM over the claims'
 * JSON, encoded base64url without padding. The result uses only RFC 7230 {@code tchar}
 * characters, so browsers accept it as a WebSocket subprotocol value ({@code
 * Sec-WebSocket-Protocol}), which is how IVS chat clients present it. Tokens cannot be read or
 * forged without the key. Thread-safe.
 */
public final class ChatTokenCodec {
    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** Tokens longer than this are refused before any decoding. */
    public static final int MAX_TOKEN_CHARS = 8192;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public ChatTokenCodec(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("chat token key must be 32 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    public String seal(ChatTokenClaims claims) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(new byte[] {VERSION});
            byte[] sealed = cipher.doFinal(EngineJson.MAPPER.writeValueAsBytes(claims));
            ByteBuffer out = ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length);
            out.put(VERSION).put(nonce).put(sealed);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(out.array());
        } catch (GeneralSecurityException | JsonProcessingException e) {
            throw new IllegalStateException("cannot seal chat token", e);
        }
    }

    /** The claims of a token this engine sealed; empty for anything else (tampered, foreign, garbage). */
    public Optional<ChatTokenClaims> open(String token) {
        if (token.isEmpty() || token.length() > MAX_TOKEN_CHARS) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(token);
            if (bytes.length < 1 + NONCE_BYTES + TAG_BITS / 8 || bytes[0] != VERSION) {
                return Optional.empty();
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 1, NONCE_BYTES));
            cipher.updateAAD(new byte[] {VERSION});
            byte[] json = cipher.doFinal(Arrays.copyOfRange(bytes, 1 + NONCE_BYTES, bytes.length));
            return Optional.of(EngineJson.MAPPER.readValue(json, ChatTokenClaims.class));
        } catch (IllegalArgumentException | GeneralSecurityException | java.io.IOException e) {
            return Optional.empty();
        }
    }
}
