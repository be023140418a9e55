package io.tenantchat.api.chat.domain;

import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A user's message and the state of its reply (one turn). {@code error} is set only when {@code FAILED};
 * {@code parent} is the turn it follows, {@code regeneratedFrom} the turn it asks again (null for others).
 */
public record ChatMessage(TenantId tenantId, SessionId sessionId, UserId userId, MessageId messageId, String content,
        MessageStatus status, int attempts, @Nullable MessageError error, Instant createdAt, Instant updatedAt,
        TurnParent parent, @Nullable MessageId regeneratedFrom) {

    public ChatMessage {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(parent, "parent");
    }

    /** A turn of a conversation that never branched (no stored parent). */
    public ChatMessage(TenantId tenantId, SessionId sessionId, UserId userId, MessageId messageId, String content,
            MessageStatus status, int attempts, @Nullable MessageError error, Instant createdAt, Instant updatedAt) {
        this(tenantId, sessionId, userId, messageId, content, status, attempts, error, createdAt, updatedAt,
                TurnParent.IMPLICIT, null);
    }

    /** This queued turn placed under {@code newParent}, as a regeneration of {@code regenerated} (or null). */
    public ChatMessage placedUnder(TurnParent newParent, @Nullable MessageId regenerated) {
        return new ChatMessage(tenantId, sessionId, userId, messageId, content, status, attempts, error, createdAt,
                updatedAt, newParent, regenerated);
    }

    public static ChatMessage queued(TenantId tenantId, SessionId sessionId, UserId userId, MessageId messageId,
            String content, Instant now) {
        return new ChatMessage(tenantId, sessionId, userId, messageId, content, MessageStatus.QUEUED, 0, null, now, now);
    }

    public Optional<MessageError> failure() {
        return Optional.ofNullable(error);
    }
}
