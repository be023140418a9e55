package io.tenantchat.worker.reply.domain;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A complete reply from the model with its usage: never partial text. A token count is {@code null} when the
 * provider did not report it (unknown, which is not the same as zero).
 */
public record ModelReply(String text, String modelId, @Nullable Integer inputTokens, @Nullable Integer outputTokens,
        Duration latency) {

    public ModelReply {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(latency, "latency");
        if ((inputTokens != null && inputTokens < 0) || (outputTokens != null && outputTokens < 0)) {
            throw new IllegalArgumentException("token counts are never negative");
        }
    }
}
