package io.tenantchat.shared.table;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Retention of conversations (sessions and messages): an item carries {@value #EXPIRES_AT}, epoch seconds, the TTL
 * attribute of the sessions and messages tables (the idempotency items use the same one). DynamoDB deletes an
 * expired item some time after it expired (up to days) and the local stand-in never does, so every read treats an
 * item with {@code expires_at <= now} as gone ({@link #live}). api-service writes it on a user message, its lookup
 * and its session (extended by every new message); worker-service copies the message's onto its reply.
 */
public final class Retention {

    /** The TTL attribute: epoch seconds. */
    public static final String EXPIRES_AT = "expires_at";

    /** The condition that an item has not expired at {@code :now_epoch} (no {@value #EXPIRES_AT}: kept forever). */
    public static final String LIVE_CONDITION = "(attribute_not_exists(" + EXPIRES_AT + ") OR " + EXPIRES_AT
            + " > :now_epoch)";

    /** The value name {@link #LIVE_CONDITION} uses. */
    public static final String NOW_EPOCH = ":now_epoch";

    private Retention() {
    }

    /**
     * When an item written at {@code at} expires, in epoch seconds, after {@code days} days; null when
     * {@code days} is null or 0 or less (kept forever).
     */
    public static @Nullable Long expiresAt(Instant at, @Nullable Integer days) {
        if (days == null || days <= 0) {
            return null;
        }
        return at.plus(Duration.ofDays(days)).getEpochSecond();
    }

    /** Whether an item with {@code expiresAt} (epoch seconds, null: never) is still there for reads at {@code now}. */
    public static boolean live(@Nullable Long expiresAt, Instant now) {
        return expiresAt == null || expiresAt > now.getEpochSecond();
    }
}
