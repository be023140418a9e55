package io.tenantchat.api.erasure.domain;

import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.UserId;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keyed pseudonym that replaces an erased user's id in usage records: {@code anon-} and the first 24 hex digits
 * of HMAC-SHA256(key, {@code tenant_id#user_id}). The same user of the same tenant always gets the same pseudonym
 * (so per-user usage totals stay one row and an erasure can run again), different tenants never share one, and
 * without the key the user id cannot be recovered or confirmed. A pseudonym is itself a valid {@link UserId}, and is
 * never pseudonymized again ({@link #isPseudonym}).
 */
public final class Pseudonyms {

    public static final String PREFIX = "anon-";
    private static final int MIN_KEY_BYTES = 32;
    private static final int HEX_DIGITS = 24;

    private final SecretKeySpec key;

    public Pseudonyms(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("the pseudonym key needs at least " + MIN_KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    public UserId of(TenantId tenantId, UserId userId) {
        if (isPseudonym(userId.value())) {
            return userId;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal((tenantId.value() + "#" + userId.value()).getBytes(StandardCharsets.UTF_8));
            return UserId.of(PREFIX + HexFormat.of().formatHex(digest).substring(0, HEX_DIGITS));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    public static boolean isPseudonym(String userId) {
        return userId.startsWith(PREFIX) && userId.length() == PREFIX.length() + HEX_DIGITS;
    }
}
