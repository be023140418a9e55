package io.tenantchat.worker.reply.application;

import io.tenantchat.worker.reply.domain.HistoryBudget;
import java.util.Objects;

/**
 * Plain settings of the reply use case.
 *
 * @param maxTokens upper bound of reply tokens sent with every model call (Bedrock reserves quota by it)
 * @param maxAttempts model calls per message, across all deliveries of its job, before a retryable failure
 *     becomes final
 * @param retry in-process retries within one delivery
 * @param history how much earlier conversation the model gets
 */
public record ReplySettings(int maxTokens, int maxAttempts, RetryPolicy retry, HistoryBudget history) {

    public ReplySettings {
        if (maxTokens < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("maxTokens and maxAttempts must be positive");
        }
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(history, "history");
    }

    /** One call per delivery and a generous history: for tests and simple setups. */
    public ReplySettings(int maxTokens, int maxAttempts) {
        this(maxTokens, maxAttempts, RetryPolicy.none(), new HistoryBudget(100, 200_000));
    }
}
