package io.tenantchat.worker.reply.domain;

import io.tenantchat.shared.UserId;
import java.util.Objects;

/** A stored user message waiting for (or done with) its reply; {@code attempts} counts model calls started. */
public record UserMessage(MessageRef ref, UserId userId, String content, MessageStatus status, int attempts) {

    public UserMessage {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(status, "status");
    }
}
