package io.tenantchat.localstack.openai;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.charset.StandardCharsets;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/** The JSON shapes of the OpenAI chat completions API, as the stand-in writes them. */
final class OpenAiWire {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private OpenAiWire() {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Delta(String role, String content) {}

    record ChunkChoice(int index, Delta delta, @JsonProperty("finish_reason") String finishReason) {}

    record PromptDetails(@JsonProperty("cached_tokens") int cachedTokens) {}

    record Usage(@JsonProperty("prompt_tokens") int promptTokens,
            @JsonProperty("completion_tokens") int completionTokens, @JsonProperty("total_tokens") int totalTokens,
            @JsonProperty("prompt_tokens_details") PromptDetails promptTokensDetails) {

        static Usage of(int prompt, int completion) {
            return new Usage(prompt, completion, prompt + completion, new PromptDetails(0));
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Chunk(String id, String object, long created, String model, List<ChunkChoice> choices, Usage usage) {}

    record Message(String role, String content) {}

    record Choice(int index, Message message, @JsonProperty("finish_reason") String finishReason) {}

    record Completion(String id, String object, long created, String model, List<Choice> choices, Usage usage) {}

    record Error(String message, String type, String code) {}

    record ErrorBody(Error error) {}

    static byte[] bytes(Object value) {
        return JSON.writeValueAsBytes(value);
    }

    /** One server-sent event: {@code data: <json>} and a blank line. */
    static byte[] event(Object value) {
        return ("data: " + JSON.writeValueAsString(value) + "\n\n").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] done() {
        return "data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8);
    }
}
