package io.tenantchat.localstack.bedrockagent;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What the stand-in needs from an InvokeAgent body.
 *
 * @param sessionAttributes {@code sessionState.sessionAttributes}
 * @param promptSessionAttributes {@code sessionState.promptSessionAttributes}
 */
record AgentInput(String inputText, boolean enableTrace, Map<String, String> sessionAttributes,
        Map<String, String> promptSessionAttributes) {

    static final int MAX_INPUT = 25_000;

    AgentInput {
        sessionAttributes = Map.copyOf(sessionAttributes);
        promptSessionAttributes = Map.copyOf(promptSessionAttributes);
    }

    /** Reads a body; bad JSON fails with Jackson's exception, a bad request with IllegalArgumentException. */
    static AgentInput parse(String body) {
        JsonNode root = AgentWire.JSON.readTree(body);
        String inputText = root.path("inputText").stringValue("");
        if (inputText.isBlank() || inputText.length() > MAX_INPUT) {
            throw new IllegalArgumentException("inputText must have 1 to " + MAX_INPUT + " characters.");
        }
        JsonNode state = root.path("sessionState");
        return new AgentInput(inputText, root.path("enableTrace").asBoolean(false),
                strings(state.path("sessionAttributes")), strings(state.path("promptSessionAttributes")));
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> values = new LinkedHashMap<>();
        object.properties().forEach(entry -> values.put(entry.getKey(), entry.getValue().asString()));
        return values;
    }
}
