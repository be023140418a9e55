package io.tenantchat.worker.reply.adapter.out.agentcore;

import io.tenantchat.worker.reply.adapter.out.model.ModelSessionIds;
import io.tenantchat.worker.reply.domain.ConversationScope;

/** The {@code runtimeSessionId} for a conversation: 33 to 256 characters, kept per chat session (AgentCore routes
 * it to the same microVM, which keeps the agent's state). */
final class RuntimeSessionIds {

    private static final ModelSessionIds IDS = ModelSessionIds.ofLength(33, 256);

    private RuntimeSessionIds() {}

    static String of(ConversationScope scope) {
        return IDS.of(scope);
    }
}
