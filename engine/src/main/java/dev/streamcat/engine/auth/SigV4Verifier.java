package dev.streamcat.engine.auth;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies AWS Signature Version 4 ({@code Authorization: AWS4-HMAC-SHA256 ...}) as the AWS SDKs
 * compute it for restJson1 services: canonical request with the path URI-encoded once more (not
 * S3 style), sorted and re-encoded query, signed headers with trimmed values, SHA-256 of the body.
 * See <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html">Create
 * a signed AWS API request</a>. Stateless and thread-safe.
 */
public final class SigV4Verifier {
    private static final String ALGORITHM = "AWS4-HMAC-SHA256";
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final int MAX_AUTHORIZATION_LENGTH = 4096;

    private final Function<String, Optional<Credentials>> credentials;
    private final String region;
    private final Clock clock;
    private final Duration maxSkew;

    /**
     * @param credentials the secret for an access key id, if known
     * @param maxSkew how far the request time may be from the server's clock (AWS: 5 minutes)
     */
    public SigV4Verifier(
            Function<String, Optional<Credentials>> credentials, String region, Clock clock, Duration maxSkew) {
        this.credentials = credentials;
        this.region = region;
        this.clock = clock;
        this.maxSkew = maxSkew;
    }

    /** The verified caller's access key id, or an {@link AuthenticationException} as AWS words it. */
    public String verify(SignedRequest request, String service) {
        String authorization = request.header("authorization");
        if (authorization.isEmpty()) {
            throw AuthenticationException.missing();
        }
        if (authorization.length() > MAX_AUTHORIZATION_LENGTH || !authorization.startsWith(ALGORITHM + " ")) {
            throw AuthenticationException.incomplete("Authorization header requires the " + ALGORITHM
                    + " algorithm. Authorization=" + truncate(authorization));
        }
        Map<String, String> parts = parameters(authorization.substring(ALGORITHM.length() + 1));
        String credential = parts.get("Credential");
        String signedHeaders = parts.get("SignedHeaders");
        String signature = parts.get("Signature");
        if (credential == null || signedHeaders == null || signature == null) {
            throw AuthenticationException.incomplete(
                    "Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters.");
        }
        String[] scope = credential.split("/", -1);
        if (scope.length != 5 || !"aws4_request".equals(scope[4])) {
            throw AuthenticationException.incomplete(
                    "Credential must have the form <key>/<date>/<region>/<service>/aws4_request.");
        }
        Credentials caller = credentials.apply(scope[0]).orElseThrow(AuthenticationException::unrecognized);
        if (!scope[3].equals(service)) {
            throw AuthenticationException.invalid("Credential should be scoped to correct service: '" + service + "'.");
        }
        if (!scope[2].equals(region)) {
            throw AuthenticationException.invalid("Credential should be scoped to a valid region.");
        }
        String amzDate = request.header("x-amz-date");
        Instant requestTime = requestTime(amzDate, request.header("date"));
        if (!AMZ_DATE.format(requestTime).startsWith(scope[1])) {
            throw AuthenticationException.invalid(
                    "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '"
                            + scope[1] + "' != '" + AMZ_DATE.format(requestTime).substring(0, 8) + "'");
        }
        checkSkew(requestTime);
        List<String> headerNames = List.of(signedHeaders.split(";"));
        if (!headerNames.contains("host")) {
            throw AuthenticationException.incomplete("'Host' must be a 'SignedHeader' in the AWS Authorization.");
        }
        String canonical = canonicalRequest(request, headerNames, signedHeaders);
        String stringToSign = ALGORITHM + "\n" + AMZ_DATE.format(requestTime) + "\n" + scope[1] + "/" + scope[2] + "/"
                + scope[3] + "/aws4_request\n" + hex(sha256(canonical.getBytes(StandardCharsets.UTF_8)));
        byte[] key = signingKey(caller.secretAccessKey(), scope[1], scope[2], scope[3]);
        byte[] expected = hmac(key, stringToSign);
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signature);
        } catch (IllegalArgumentException e) {
            given = new byte[0];
        }
        if (!MessageDigest.isEqual(expected, given)) {
            throw AuthenticationException.invalid(
                    "The request signature we calculated does not match the signature you provided."
                            + " Check your AWS Secret Access Key and signing method. Consult the service documentation for details.");
        }
        return caller.accessKeyId();
    }

    /** Signs a request the way the AWS SDKs do; for tests and internal clients. */
    public static String authorization(
            SignedRequest request, Credentials credentials, String region, String service, Instant time) {
        List<String> names = new ArrayList<>(new TreeMap<>(request.headers()).keySet());
        String signedHeaders = String.join(";", names);
        String date = AMZ_DATE.format(time);
        String scope = date.substring(0, 8) + "/" + region + "/" + service + "/aws4_request";
        String stringToSign = ALGORITHM + "\n" + date + "\n" + scope + "\n"
                + hex(sha256(canonicalRequest(request, names, signedHeaders).getBytes(StandardCharsets.UTF_8)));
        byte[] key = signingKey(credentials.secretAccessKey(), date.substring(0, 8), region, service);
        return ALGORITHM + " Credential=" + credentials.accessKeyId() + "/" + scope + ", SignedHeaders=" + signedHeaders
                + ", Signature=" + hex(hmac(key, stringToSign));
    }

    /** The {@code X-Amz-Date} form of an instant. */
    public static String amzDate(Instant time) {
        return AMZ_DATE.format(time);
    }

    private void checkSkew(Instant requestTime) {
        Instant now = clock.instant();
        if (requestTime.isBefore(now.minus(maxSkew))) {
            throw AuthenticationException.invalid("Signature expired: " + AMZ_DATE.format(requestTime)
                    + " is now earlier than " + AMZ_DATE.format(now.minus(maxSkew)) + " (" + AMZ_DATE.format(now)
                    + " - " + maxSkew.toMinutes() + " min.)");
        }
        if (requestTime.isAfter(now.plus(maxSkew))) {
            throw AuthenticationException.invalid("Signature not yet current: " + AMZ_DATE.format(requestTime)
                    + " is still later than " + AMZ_DATE.format(now.plus(maxSkew)) + " (" + AMZ_DATE.format(now) + " + "
                    + maxSkew.toMinutes() + " min.)");
        }
    }

    private static Instant requestTime(String amzDate, String date) {
        try {
            if (!amzDate.isEmpty()) {
                return Instant.from(AMZ_DATE.parse(amzDate));
            }
            if (!date.isEmpty()) {
                return Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(date));
            }
        } catch (DateTimeParseException e) {
            throw AuthenticationException.incomplete(
                    "Date must be in ISO-8601 'basic format'. Got '" + truncate(amzDate) + "'.");
        }
        throw AuthenticationException.incomplete(
                "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
    }

    static String canonicalRequest(SignedRequest request, List<String> headerNames, String signedHeaders) {
        StringBuilder canonical = new StringBuilder(512);
        canonical.append(request.method()).append('\n');
        canonical.append(canonicalPath(request.rawPath())).append('\n');
        canonical.append(canonicalQuery(request.rawQuery())).append('\n');
        for (String name : headerNames) {
            List<String> values = request.headers().getOrDefault(name, List.of());
            List<String> trimmed =
                    values.stream().map(v -> v.trim().replaceAll("\\s+", " ")).toList();
            canonical.append(name).append(':').append(String.join(",", trimmed)).append('\n');
        }
        canonical.append('\n').append(signedHeaders).append('\n');
        String declared = request.header("x-amz-content-sha256");
        canonical.append(declared.isEmpty() ? hex(sha256(request.body())) : declared);
        return canonical.toString();
    }

    /** Normalises dot segments, then URI-encodes the already-encoded path once more, keeping slashes. */
    static String canonicalPath(String rawPath) {
        List<String> segments = new ArrayList<>();
        for (String segment : rawPath.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (!segments.isEmpty()) segments.removeLast();
            } else {
                segments.add(segment);
            }
        }
        String normalized = (rawPath.startsWith("/") ? "/" : "")
                + String.join("/", segments)
                + (!segments.isEmpty() && rawPath.endsWith("/") ? "/" : "");
        return encode(normalized).replace("%2F", "/");
    }

    static String canonicalQuery(String rawQuery) {
        if (rawQuery.isEmpty()) {
            return "";
        }
        TreeMap<String, List<String>> params = new TreeMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (key.equalsIgnoreCase("X-Amz-Signature")) continue;
            params.computeIfAbsent(encode(key), k -> new ArrayList<>()).add(encode(value));
        }
        List<String> out = new ArrayList<>();
        params.forEach((key, values) -> values.stream().sorted().forEach(v -> out.add(key + "=" + v)));
        return String.join("&", out);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** RFC 3986 percent-encoding of everything but unreserved characters, upper-case hex. */
    static String encode(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '_'
                    || c == '.'
                    || c == '~') {
                out.append(c);
            } else {
                out.append('%')
                        .append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return out.toString();
    }

    private static Map<String, String> parameters(String text) {
        Map<String, String> parts = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            String p = part.trim();
            int eq = p.indexOf('=');
            if (eq > 0) {
                parts.put(p.substring(0, eq), p.substring(eq + 1));
            }
        }
        return parts;
    }

    private static byte[] signingKey(String secret, String date, String region, String service) {
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, region);
        key = hmac(key, service);
        return hmac(key, "aws4_request");
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static String truncate(String text) {
        return text.length() > 64 ? text.substring(0, 64) + "..." : text;
    }
}
