package io.tenantchat.localstack.openai;

import io.tenantchat.localstack.standin.EchoReply;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * What the stand-in needs from a chat completions body.
 *
 * @param systemText the {@code system} messages, one per line
 * @param lastUserText the last {@code user} message
 * @param promptTokens words in all messages
 * @param maxTokens {@code max_tokens} or {@code max_completion_tokens}, else no limit
 */
record ChatCompletionRequest(String model, String systemText, String lastUserText, int promptTokens, int maxTokens,
        boolean stream, boolean includeUsage) {

    /** Reads a body; bad JSON fails with Jackson's exception, a bad request with IllegalArgumentException. */
    static ChatCompletionRequest parse(String body) {
        JsonNode root = OpenAiWire.JSON.readTree(body);
        String model = root.path("model").stringValue(null);
        JsonNode messages = root.path("messages");
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("model is required");
        }
        if (!messages.isArray() || messages.isEmpty()) {
            throw new IllegalArgumentException("messages must be a non-empty array");
        }
        List<String> system = new ArrayList<>();
        String lastUser = "";
        int words = 0;
        for (JsonNode message : messages) {
            String role = message.path("role").stringValue("");
            String content = content(message.path("content"));
            words += EchoReply.words(content);
            if (role.equals("system")) {
                system.add(content);
            } else if (role.equals("user")) {
                lastUser = content;
            }
        }
        return new ChatCompletionRequest(model, String.join("\n", system), lastUser, words, maxTokens(root),
                root.path("stream").asBoolean(false), root.path("stream_options").path("include_usage").asBoolean(false));
    }

    /** A content string, or the {@code text} of each part of a content array. */
    private static String content(JsonNode content) {
        if (content.isString()) {
            return content.stringValue();
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode part : content) {
            texts.add(part.path("text").stringValue(""));
        }
        return String.join("\n", texts);
    }

    private static int maxTokens(JsonNode root) {
        JsonNode node = root.hasNonNull("max_tokens") ? root.path("max_tokens") : root.path("max_completion_tokens");
        if (node.isMissingNode() || node.isNull()) {
            return Integer.MAX_VALUE;
        }
        if (!node.canConvertToInt() || !node.isIntegralNumber() || node.intValue() < 1) {
            throw new IllegalArgumentException("max_tokens must be an integer of at least 1");
        }
        return node.intValue();
    }
}
