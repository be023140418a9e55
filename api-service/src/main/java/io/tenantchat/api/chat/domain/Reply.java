package io.tenantchat.api.chat.domain;

import java.time.Instant;
import java.util.Objects;

/** The assistant's reply to one user message. */
public record Reply(String content, String modelId, long inputTokens, long outputTokens, Instant createdAt) {

    public Reply {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
