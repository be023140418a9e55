package io.tenantchat.api.openai.adapter.in.web;

import io.tenantchat.api.openai.config.OpenAiProperties;
import io.tenantchat.shared.GivenConversation;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads an OpenAI chat completion body into a {@link CompletionRequest}, refusing with a 400 that names the parameter
 * what this API does not do or allows no more of: text messages only ({@code content} a string or an array of
 * {@code text} parts), roles {@code system} (or {@code developer}), {@code user} and {@code assistant}, the first and
 * last turns the user's, at most {@code max-messages} messages and {@code max-total-chars} characters, no tools and
 * one choice. {@code user} is accepted and not used: the principal comes from the key or token.
 */
final class CompletionRequests {

    private final OpenAiProperties limits;

    CompletionRequests(OpenAiProperties limits) {
        this.limits = limits;
    }

    CompletionRequest read(@Nullable JsonNode body) {
        if (body == null || !body.isObject()) {
            throw invalid("invalid_body", null, "the body must be a JSON object");
        }
        refuseUnsupported(body);
        String model = requiredString(body, "model");
        List<GivenConversation.Message> messages = messages(body.path("messages"));
        boolean stream = bool(body, "stream");
        JsonNode options = body.path("stream_options");
        if (!options.isMissingNode() && !options.isNull() && !stream) {
            throw invalid("invalid_value", "stream_options", "stream_options is only allowed with stream: true");
        }
        boolean includeUsage = options.isObject() && bool(options, "include_usage");
        Integer maxTokens = maxTokens(body);
        Double temperature = temperature(body);
        if (body.has("user") && !body.get("user").isString() && !body.get("user").isNull()) {
            throw invalid("invalid_type", "user", "user must be a string");
        }
        GivenConversation conversation = new GivenConversation(messages, model, maxTokens, temperature);
        return new CompletionRequest(conversation, stream, includeUsage,
                maxTokens == null ? limits.maxTokens() : maxTokens);
    }

    private static void refuseUnsupported(JsonNode body) {
        for (String field : List.of("tools", "functions", "tool_choice", "function_call")) {
            if (body.has(field) && !body.get(field).isNull()) {
                throw invalid("unsupported_parameter", field, field + " is not supported by this API");
            }
        }
        JsonNode n = body.path("n");
        if (!n.isMissingNode() && !n.isNull() && !(n.isIntegralNumber() && n.intValue() == 1)) {
            throw invalid("unsupported_value", "n", "only one choice (n: 1) is supported");
        }
    }

    private List<GivenConversation.Message> messages(JsonNode given) {
        if (!given.isArray() || given.isEmpty()) {
            throw invalid("invalid_value", "messages", "messages must be a non-empty array");
        }
        if (given.size() > limits.maxMessages()) {
            throw invalid("too_many_messages", "messages", "at most " + limits.maxMessages() + " messages");
        }
        List<GivenConversation.Message> messages = new ArrayList<>();
        long chars = 0;
        for (int i = 0; i < given.size(); i++) {
            GivenConversation.Message message = message(given.get(i), "messages[" + i + "]");
            chars += message.content().length();
            messages.add(message);
        }
        if (chars > limits.maxTotalChars()) {
            throw invalid("context_length_exceeded", "messages",
                    "the messages have " + chars + " characters; at most " + limits.maxTotalChars() + " are accepted");
        }
        requireUserTurns(messages);
        return messages;
    }

    private static GivenConversation.Message message(JsonNode message, String param) {
        if (!message.isObject()) {
            throw invalid("invalid_type", param, param + " must be an object");
        }
        String role = message.path("role").isString() ? message.path("role").asString() : "";
        role = role.equals("developer") ? "system" : role;
        if (!GivenConversation.ROLES.contains(role)) {
            throw invalid("invalid_value", param + ".role",
                    param + ".role must be system, developer, user or assistant (tools are not supported)");
        }
        return new GivenConversation.Message(role, content(message.path("content"), param + ".content"));
    }

    /** A string, or an array of {@code {"type": "text", "text": ...}} parts joined without separator. */
    private static String content(JsonNode content, String param) {
        if (content.isString()) {
            return content.asString();
        }
        if (!content.isArray()) {
            throw invalid("invalid_type", param, param + " must be a string or an array of text parts");
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode part : content) {
            if (!"text".equals(part.path("type").stringValue(null)) || !part.path("text").isString()) {
                throw invalid("unsupported_content", param, "only text parts are supported in " + param);
            }
            text.append(part.path("text").asString());
        }
        return text.toString();
    }

    private static void requireUserTurns(List<GivenConversation.Message> messages) {
        List<GivenConversation.Message> turns = messages.stream().filter(m -> !m.role().equals("system")).toList();
        if (turns.isEmpty() || !turns.getFirst().role().equals("user") || !turns.getLast().role().equals("user")) {
            throw invalid("invalid_value", "messages",
                    "after any system messages the first and the last message must be the user's");
        }
        if (turns.getLast().content().isBlank()) {
            throw invalid("invalid_value", "messages", "the last user message must not be empty");
        }
    }

    private @Nullable Integer maxTokens(JsonNode body) {
        String name = body.has("max_completion_tokens") ? "max_completion_tokens" : "max_tokens";
        JsonNode value = body.path(name);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || value.longValue() < 1 || value.longValue() > limits.maxTokens()) {
            throw invalid("invalid_value", name, name + " must be an integer from 1 to " + limits.maxTokens());
        }
        return value.intValue();
    }

    private @Nullable Double temperature(JsonNode body) {
        JsonNode value = body.path("temperature");
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isNumber() || value.doubleValue() < 0 || value.doubleValue() > limits.maxTemperature()) {
            throw invalid("invalid_value", "temperature", "temperature must be a number from 0 to "
                    + limits.maxTemperature());
        }
        return value.doubleValue();
    }

    private static String requiredString(JsonNode body, String field) {
        JsonNode value = body.path(field);
        if (!value.isString() || value.asString().isBlank()) {
            throw invalid("missing_required_parameter", field, field + " is required");
        }
        return value.asString();
    }

    private static boolean bool(JsonNode body, String field) {
        JsonNode value = body.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw invalid("invalid_type", field, field + " must be a boolean");
        }
        return value.booleanValue();
    }

    private static InvalidParameterException invalid(String code, @Nullable String param, String message) {
        return new InvalidParameterException(code, param, message);
    }
}
