package io.tenantchat.worker.reply.adapter.out.agentcore;

import org.jspecify.annotations.Nullable;

/** What one event of an agent's stream means for the reply. */
sealed interface AgentEvent {

    /** The next piece of reply text. */
    record Text(String text) implements AgentEvent {}

    /** Token counts the agent reported; a null count stays unknown. */
    record Usage(@Nullable Integer inputTokens, @Nullable Integer outputTokens) implements AgentEvent {}

    /** The agent failed in the middle of its reply. */
    record Failure(String message, @Nullable String type) implements AgentEvent {}
}
