package io.tenantchat.worker.reply.domain;

import java.time.Duration;
import java.util.Objects;

/** A complete reply from the model with its usage: never partial text. */
public record ModelReply(String text, String modelId, int inputTokens, int outputTokens, Duration latency) {

    public ModelReply {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(latency, "latency");
        if (inputTokens < 0 || outputTokens < 0) {
            throw new IllegalArgumentException("token counts are never negative");
        }
    }
}
