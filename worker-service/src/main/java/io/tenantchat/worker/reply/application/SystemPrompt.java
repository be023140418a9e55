package io.tenantchat.worker.reply.application;

import io.tenantchat.worker.reply.domain.UserMessage;

/** The system prompt: the tenant context travels here, never inside the user's text. */
final class SystemPrompt {

    private SystemPrompt() {}

    static String forMessage(UserMessage message) {
        return String.join("\n",
                "You are TenantChat, a helpful assistant.",
                "tenant: " + message.ref().tenantId().value(),
                "user: " + message.userId().value(),
                "session: " + message.ref().sessionId().value());
    }
}
