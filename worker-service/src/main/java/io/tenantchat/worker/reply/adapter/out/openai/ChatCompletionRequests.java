package io.tenantchat.worker.reply.adapter.out.openai;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tenantchat.worker.reply.domain.ChatTurn;
import io.tenantchat.worker.reply.domain.Conversation;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * The body of a streamed chat completion: the system prompt (with the tenant context) as the first,
 * {@code system} message and never inside user text, {@code max_tokens} always, usage asked for in the last chunk.
 */
final class ChatCompletionRequests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private ChatCompletionRequests() {}

    record Message(String role, String content) {}

    record StreamOptions(@JsonProperty("include_usage") boolean includeUsage) {}

    record Body(String model, List<Message> messages, @JsonProperty("max_tokens") int maxTokens, float temperature,
            boolean stream, @JsonProperty("stream_options") StreamOptions streamOptions) {}

    static byte[] body(String model, Conversation conversation, int maxTokens, float temperature) {
        List<Message> messages = new ArrayList<>();
        if (!conversation.systemPrompt().isBlank()) { // a client's conversation may have none
            messages.add(new Message("system", conversation.systemPrompt()));
        }
        for (ChatTurn turn : conversation.turns()) {
            messages.add(new Message(turn.role().wireValue(), turn.text()));
        }
        return JSON.writeValueAsBytes(
                new Body(model, messages, maxTokens, temperature, true, new StreamOptions(true)));
    }
}
