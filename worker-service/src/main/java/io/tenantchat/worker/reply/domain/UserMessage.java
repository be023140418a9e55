package io.tenantchat.worker.reply.domain;

import io.tenantchat.shared.UserId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A stored user message waiting for (or done with) its reply; {@code attempts} counts model calls started, ever
 * (usage event ids use it, so it never goes back); {@code requeuedAttempts} is what it was when a failed message
 * was last put back in the queue (a user's retry or an operator's replay), which starts a fresh attempt budget;
 * {@code expiresAt} is when its retention ends (epoch seconds, null: kept forever), copied onto its reply.
 */
public record UserMessage(MessageRef ref, UserId userId, String content, MessageStatus status, int attempts,
        int requeuedAttempts, @Nullable Long expiresAt) {

    public UserMessage {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(status, "status");
    }

    public UserMessage(MessageRef ref, UserId userId, String content, MessageStatus status, int attempts) {
        this(ref, userId, content, status, attempts, 0, null);
    }

    public UserMessage(MessageRef ref, UserId userId, String content, MessageStatus status, int attempts,
            int requeuedAttempts) {
        this(ref, userId, content, status, attempts, requeuedAttempts, null);
    }

    /** Model calls counted against the attempt budget: those since the message was last requeued. */
    public int budgetUsed() {
        return attempts - requeuedAttempts;
    }
}
