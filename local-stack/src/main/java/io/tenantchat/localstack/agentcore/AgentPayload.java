package io.tenantchat.localstack.agentcore;

import io.tenantchat.localstack.standin.EchoReply;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The payload the stand-in's agent understands: {@code prompt} (required), {@code tenant_id}, {@code system} and
 * {@code messages} ({@code [{"role", "content"}]}), whose words make the input token count.
 */
record AgentPayload(String prompt, String tenantId, int inputTokens) {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** Reads a payload; bad JSON fails with Jackson's exception, a missing prompt with IllegalArgumentException. */
    static AgentPayload parse(String body) {
        JsonNode root = JSON.readTree(body);
        String prompt = root.path("prompt").stringValue("");
        if (prompt.isBlank()) {
            throw new IllegalArgumentException("the payload has no prompt");
        }
        int words = EchoReply.words(root.path("system").stringValue(""));
        JsonNode messages = root.path("messages");
        for (JsonNode message : messages) {
            words += EchoReply.words(message.path("content").stringValue(""));
        }
        if (messages.isEmpty()) {
            words += EchoReply.words(prompt);
        }
        return new AgentPayload(prompt, root.path("tenant_id").stringValue(null), words);
    }
}
