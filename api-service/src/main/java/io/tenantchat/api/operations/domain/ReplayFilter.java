package io.tenantchat.api.operations.domain;

import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which dead letters to replay: every condition that is set must hold (null or empty: no condition). The time
 * window is on when a message reached the dead-letter queue, {@code from} inclusive, {@code to} exclusive.
 *
 * @param limit at most this many dead letters are examined in one call
 */
public record ReplayFilter(@Nullable TenantId tenantId, @Nullable SessionId sessionId, Set<MessageId> messageIds,
        @Nullable Instant from, @Nullable Instant to, int limit) {

    public static final int MAX_LIMIT = 1_000;

    public ReplayFilter {
        messageIds = messageIds == null ? Set.of() : Set.copyOf(messageIds);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
    }

    public static ReplayFilter everything() {
        return new ReplayFilter(null, null, Set.of(), null, null, MAX_LIMIT);
    }

    public static ReplayFilter tenant(TenantId tenantId) {
        return new ReplayFilter(tenantId, null, Set.of(), null, null, MAX_LIMIT);
    }

    /** Unreadable dead letters match only a filter without conditions on whose they are. */
    public boolean matches(DeadLetter letter) {
        if (from != null && letter.sentAt().isBefore(from) || to != null && !letter.sentAt().isBefore(to)) {
            return false;
        }
        DeadLetterKey key = letter.key();
        if (key == null) {
            return tenantId == null && sessionId == null && messageIds.isEmpty();
        }
        MessageId messageId = key.messageId(); // a usage event may have none; the set's contains(null) throws
        return (tenantId == null || tenantId.equals(key.tenantId()))
                && (sessionId == null || sessionId.equals(key.sessionId()))
                && (messageIds.isEmpty() || messageId != null && messageIds.contains(messageId));
    }
}
