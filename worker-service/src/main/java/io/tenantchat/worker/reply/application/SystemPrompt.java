package io.tenantchat.worker.reply.application;

import io.tenantchat.worker.reply.domain.UserMessage;
import org.jspecify.annotations.Nullable;

/**
 * The system prompt: the tenant context travels here, never inside the user's text. A tenant's own prompt (its
 * profile) comes after the {@code tenant:}, {@code user:} and {@code session:} lines, so that those lines, which
 * adapters read back ({@code ConversationScope} takes the first of each), cannot be posed by the tenant's text.
 */
final class SystemPrompt {

    private SystemPrompt() {}

    static String forMessage(UserMessage message, @Nullable String tenantPrompt) {
        if (tenantPrompt == null) {
            return forMessage(message);
        }
        return String.join("\n", scope(message), "", tenantPrompt);
    }

    private static String scope(UserMessage message) {
        return String.join("\n",
                "tenant: " + message.ref().tenantId().value(),
                "user: " + message.userId().value(),
                "session: " + message.ref().sessionId().value());
    }

    static String forMessage(UserMessage message) {
        return String.join("\n",
                "You are TenantChat, a helpful assistant.",
                "tenant: " + message.ref().tenantId().value(),
                "user: " + message.userId().value(),
                "session: " + message.ref().sessionId().value());
    }
}
