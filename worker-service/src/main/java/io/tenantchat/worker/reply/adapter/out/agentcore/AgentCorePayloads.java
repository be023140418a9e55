package io.tenantchat.worker.reply.adapter.out.agentcore;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tenantchat.worker.reply.domain.ChatTurn;
import io.tenantchat.worker.reply.domain.Conversation;
import io.tenantchat.worker.reply.domain.ConversationScope;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON payload sent to the agent: {@code prompt} (the current user text, what most agent templates read),
 * {@code messages} (the whole conversation), {@code system} (the system prompt with the tenant context) and the
 * tenant, user and session ids as their own fields, never inside the user text.
 */
final class AgentCorePayloads {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AgentCorePayloads() {}

    record Message(String role, String content) {}

    record Payload(String prompt, List<Message> messages, String system,
            @JsonProperty("tenant_id") String tenantId, @JsonProperty("user_id") String userId,
            @JsonProperty("session_id") String sessionId, @JsonProperty("max_tokens") int maxTokens) {}

    static byte[] of(Conversation conversation, ConversationScope scope, int maxTokens) {
        List<ChatTurn> turns = conversation.turns();
        Payload payload = new Payload(turns.get(turns.size() - 1).text(),
                turns.stream().map(turn -> new Message(turn.role().wireValue(), turn.text())).toList(),
                conversation.systemPrompt(), scope.tenantId().value(), scope.userId().value(),
                scope.sessionId().value(), maxTokens);
        return JSON.writeValueAsBytes(payload);
    }
}
