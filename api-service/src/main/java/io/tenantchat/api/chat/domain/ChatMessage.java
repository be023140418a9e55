package io.tenantchat.api.chat.domain;

import io.tenantchat.shared.GivenConversation;
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
 * {@code parent} is the turn it follows, {@code regeneratedFrom} the turn it asks again (null for others);
 * {@code given} is set only on the message of an OpenAI-compatible request, whose given messages are the whole
 * conversation ({@code content} is then its last user message).
 */
public record ChatMessage(TenantId tenantId, SessionId sessionId, UserId userId, MessageId messageId, String content,
        MessageStatus status, int attempts, @Nullable MessageError error, Instant createdAt, Instant updatedAt,
        TurnParent parent, @Nullable MessageId regeneratedFrom, @Nullable GivenConversation given) {

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
                TurnParent.IMPLICIT, null, null);
    }

    /** A turn placed in a conversation tree. */
    public ChatMessage(TenantId tenantId, SessionId sessionId, UserId userId, MessageId messageId, String content,
            MessageStatus status, int attempts, @Nullable MessageError error, Instant createdAt, Instant updatedAt,
            TurnParent parent, @Nullable MessageId regeneratedFrom) {
        this(tenantId, sessionId, userId, messageId, content, status, attempts, error, createdAt, updatedAt, parent,
                regeneratedFrom, null);
    }

    /** The message of an OpenAI-compatible request (its own session: no tree). */
    public ChatMessage(TenantId tenantId, SessionId sessionId, UserId userId, MessageId messageId, String content,
            MessageStatus status, int attempts, @Nullable MessageError error, Instant createdAt, Instant updatedAt,
            @Nullable GivenConversation given) {
        this(tenantId, sessionId, userId, messageId, content, status, attempts, error, createdAt, updatedAt,
                TurnParent.IMPLICIT, null, given);
    }

    /** This queued turn placed under {@code newParent}, as a regeneration of {@code regenerated} (or null). */
    public ChatMessage placedUnder(TurnParent newParent, @Nullable MessageId regenerated) {
        return new ChatMessage(tenantId, sessionId, userId, messageId, content, status, attempts, error, createdAt,
                updatedAt, newParent, regenerated, given);
    }

    /** This message answering the given conversation (its content becomes the conversation's last user text). */
    public ChatMessage answering(GivenConversation conversation) {
        return new ChatMessage(tenantId, sessionId, userId, messageId, conversation.lastUserText(), status, attempts,
                error, createdAt, updatedAt, parent, regeneratedFrom, conversation);
    }

    public static ChatMessage queued(TenantId tenantId, SessionId sessionId, UserId userId, MessageId messageId,
            String content, Instant now) {
        return new ChatMessage(tenantId, sessionId, userId, messageId, content, MessageStatus.QUEUED, 0, null, now, now);
    }

    public Optional<MessageError> failure() {
        return Optional.ofNullable(error);
    }
}
