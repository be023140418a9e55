package io.tenantchat.shared;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The conversation a machine client gave with {@code POST /v1/chat/completions} (issue 22): the model is sent exactly
 * these messages, with this model, output cap and temperature, and nothing of the session's history is read. Carried
 * in the job and stored on the user message (so a retry rebuilds the same job; a dead-letter replay resends the job
 * as it is).
 *
 * @param messages in the client's order: {@code system}, {@code user} and {@code assistant} text, the last one a user
 *     message
 * @param model the model id the api allowed for the tenant
 * @param maxTokens the client's cap on generated tokens, or null (the worker's cap)
 * @param temperature the client's sampling temperature (0 to 2), or null (the worker's)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GivenConversation(
        @JsonProperty("messages") List<Message> messages,
        @JsonProperty("model") String model,
        @JsonProperty("max_tokens") @Nullable Integer maxTokens,
        @JsonProperty("temperature") @Nullable Double temperature) {

    /** The roles a given message may have. */
    public static final Set<String> ROLES = Set.of("system", "user", "assistant");

    public GivenConversation {
        messages = List.copyOf(Objects.requireNonNull(messages, "messages"));
        Objects.requireNonNull(model, "model");
        if (messages.stream().noneMatch(m -> m.role().equals("user"))) {
            throw new IllegalArgumentException("a given conversation needs a user message");
        }
        if (!messages.getLast().role().equals("user")) {
            throw new IllegalArgumentException("a given conversation ends with a user message");
        }
        if (maxTokens != null && maxTokens < 1) {
            throw new IllegalArgumentException("max_tokens must be positive");
        }
        if (temperature != null && (temperature < 0 || temperature > 2)) {
            throw new IllegalArgumentException("temperature must be between 0 and 2");
        }
    }

    /** Characters of all messages: what sizes the token reservation. */
    public int chars() {
        return messages.stream().mapToInt(m -> m.content().length()).sum();
    }

    /** The last user message: what a conversation view shows as the user's text. */
    public String lastUserText() {
        return messages.getLast().content();
    }

    /** One given message: its role ({@link #ROLES}) and its text. */
    public record Message(@JsonProperty("role") String role, @JsonProperty("content") String content) {

        public Message {
            if (role == null || !ROLES.contains(role)) {
                throw new IllegalArgumentException("role must be system, user or assistant");
            }
            Objects.requireNonNull(content, "content");
        }
    }
}
