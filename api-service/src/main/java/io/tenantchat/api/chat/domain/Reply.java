package io.tenantchat.api.chat.domain;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The assistant's reply to one user message.
 *
 * @param stopReason {@code guardrail_intervened} when a Bedrock guardrail withheld the reply (its content is then a
 *     neutral sentence, never the blocked text); null otherwise
 */
public record Reply(String content, String modelId, long inputTokens, long outputTokens, Instant createdAt,
        @Nullable String stopReason) {

    public Reply(String content, String modelId, long inputTokens, long outputTokens, Instant createdAt) {
        this(content, modelId, inputTokens, outputTokens, createdAt, null);
    }

    public Reply {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
