package io.tenantchat.worker.reply.application;

/**
 * Plain settings of the reply use case.
 *
 * @param maxTokens upper bound of reply tokens sent with every model call (Bedrock reserves quota by it)
 * @param maxAttempts model calls per message before a retryable failure becomes final
 */
public record ReplySettings(int maxTokens, int maxAttempts) {

    public ReplySettings {
        if (maxTokens < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("maxTokens and maxAttempts must be positive");
        }
    }
}
