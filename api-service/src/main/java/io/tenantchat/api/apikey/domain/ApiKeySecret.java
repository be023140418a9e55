package io.tenantchat.api.apikey.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A key as a client presents it: {@code tck_<key_id>_<secret>}, the secret 32 random bytes (256 bits) in
 * base64url. Only its SHA-256 is stored (a fast hash suits a secret with that much entropy); {@link #matches}
 * compares in constant time. {@link #toString()} never shows the secret.
 */
public final class ApiKeySecret {

    public static final String PREFIX = "tck_";
    private static final Pattern FORMAT = Pattern.compile("tck_([0-9a-f]{20})_([A-Za-z0-9_-]{43})");
    private static final int SECRET_BYTES = 32;

    private final ApiKeyId keyId;
    private final String secret;

    private ApiKeySecret(ApiKeyId keyId, String secret) {
        this.keyId = keyId;
        this.secret = secret;
    }

    /** A new key id and secret. */
    public static ApiKeySecret generate(SecureRandom random) {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return new ApiKeySecret(ApiKeyId.random(random), Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** The key a bearer token stands for, or empty when it does not have a key's form. */
    public static Optional<ApiKeySecret> parse(String presented) {
        if (presented == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(presented);
        return m.matches() ? Optional.of(new ApiKeySecret(ApiKeyId.of(m.group(1)), m.group(2))) : Optional.empty();
    }

    /** Whether a bearer token is meant as a key (has the prefix), well-formed or not. */
    public static boolean looksLikeKey(String presented) {
        return presented != null && presented.startsWith(PREFIX);
    }

    public ApiKeyId keyId() {
        return keyId;
    }

    /** The whole key, to be shown once to its creator. */
    public String reveal() {
        return PREFIX + keyId.value() + "_" + secret;
    }

    /** The hex SHA-256 of the whole key: what is stored. */
    public String hash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(reveal().getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Whether this key's hash is {@code storedHash}, compared in constant time. */
    public boolean matches(String storedHash) {
        return storedHash != null && MessageDigest.isEqual(hash().getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return PREFIX + keyId.value() + "_***";
    }
}
