package io.tenantchat.worker.reply.adapter.out.bedrockagent;

import io.tenantchat.worker.reply.adapter.out.model.ModelSessionIds;
import io.tenantchat.worker.reply.domain.ConversationScope;

/** The agent's {@code sessionId} for a conversation: 2 to 100 characters, kept per chat session (the agent's memory). */
final class AgentSessionIds {

    private static final ModelSessionIds IDS = ModelSessionIds.ofLength(2, 100);

    private AgentSessionIds() {}

    static String of(ConversationScope scope) {
        return IDS.of(scope);
    }
}
