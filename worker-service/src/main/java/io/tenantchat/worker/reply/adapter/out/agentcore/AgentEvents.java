package io.tenantchat.worker.reply.adapter.out.agentcore;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the payload of one agent event. An agent's stream has no fixed schema, so this accepts what agent
 * frameworks commonly emit: a JSON string ({@code "text"}), an object with a string {@code delta}, {@code text},
 * {@code data} or {@code content}, {@code usage} (snake or camel case, or Strands' {@code event.metadata.usage}),
 * {@code error}, and plain text that is not JSON. Objects without any of these (tool steps, lifecycle events) are
 * skipped. A whole JSON reply may also carry its text in {@code result}, {@code response}, {@code output} or
 * {@code message}, which streamed events must not: frameworks repeat the full text there at the end.
 */
final class AgentEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> DELTA_FIELDS = List.of("delta", "text", "data", "content");
    private static final List<String> WHOLE_FIELDS = List.of("result", "response", "output", "message");

    private AgentEvents() {}

    static List<AgentEvent> streamed(String payload) {
        return read(payload, DELTA_FIELDS);
    }

    static List<AgentEvent> whole(String body) {
        List<String> fields = new ArrayList<>(DELTA_FIELDS);
        fields.addAll(WHOLE_FIELDS);
        return read(body, fields);
    }

    private static List<AgentEvent> read(String payload, List<String> textFields) {
        if (payload.isBlank() || payload.strip().equals("[DONE]")) {
            return List.of();
        }
        JsonNode node;
        try {
            node = JSON.readTree(payload);
        } catch (JacksonException notJson) {
            return List.of(new AgentEvent.Text(payload));
        }
        if (node.isString()) {
            return List.of(new AgentEvent.Text(node.stringValue()));
        }
        return node.isObject() ? fromObject(node, textFields) : List.of();
    }

    private static List<AgentEvent> fromObject(JsonNode node, List<String> textFields) {
        List<AgentEvent> events = new ArrayList<>();
        failure(node).ifPresent(events::add);
        textFields.stream().map(node::path).filter(JsonNode::isString).findFirst()
                .ifPresent(text -> events.add(new AgentEvent.Text(text.stringValue())));
        usage(node).ifPresent(events::add);
        return events;
    }

    private static Optional<AgentEvent> failure(JsonNode node) {
        JsonNode error = node.path("error");
        if (error.isMissingNode() || error.isNull()) {
            return Optional.empty();
        }
        String message = error.isString() ? error.stringValue() : error.path("message").asString("agent error");
        return Optional.of(new AgentEvent.Failure(message, node.path("error_type").stringValue(null)));
    }

    private static Optional<AgentEvent> usage(JsonNode node) {
        JsonNode usage = node.has("usage") ? node.path("usage") : node.path("event").path("metadata").path("usage");
        if (!usage.isObject()) {
            return Optional.empty();
        }
        return Optional.of(new AgentEvent.Usage(count(usage, "input_tokens", "inputTokens", "prompt_tokens"),
                count(usage, "output_tokens", "outputTokens", "completion_tokens")));
    }

    private static @Nullable Integer count(JsonNode usage, String... names) {
        for (String name : names) {
            if (usage.path(name).canConvertToInt()) {
                return usage.path(name).intValue();
            }
        }
        return null;
    }
}
