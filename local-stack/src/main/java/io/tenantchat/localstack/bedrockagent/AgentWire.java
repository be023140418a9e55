package io.tenantchat.localstack.bedrockagent;

import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.eventstream.HeaderValue;
import software.amazon.awssdk.eventstream.Message;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON shapes and {@code application/vnd.amazon.eventstream} frames of InvokeAgent, encoded with the SDK's
 * own event-stream encoder.
 */
final class AgentWire {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private AgentWire() {}

    record Chunk(String bytes) {}

    record Usage(int inputTokens, int outputTokens) {}

    record Metadata(Usage usage) {}

    record ModelInvocationOutput(String traceId, Metadata metadata) {}

    /** {@code preProcessingTrace} or {@code orchestrationTrace}: both carry {@code modelInvocationOutput}. */
    record Step(ModelInvocationOutput modelInvocationOutput) {}

    record ErrorMessage(String message) {}

    static byte[] event(String eventType, Object payload) {
        Map<String, HeaderValue> headers = new LinkedHashMap<>();
        headers.put(":event-type", HeaderValue.fromString(eventType));
        headers.put(":content-type", HeaderValue.fromString("application/json"));
        headers.put(":message-type", HeaderValue.fromString("event"));
        return encode(headers, payload);
    }

    static byte[] exception(String exceptionType, String message) {
        Map<String, HeaderValue> headers = new LinkedHashMap<>();
        headers.put(":exception-type", HeaderValue.fromString(exceptionType));
        headers.put(":content-type", HeaderValue.fromString("application/json"));
        headers.put(":message-type", HeaderValue.fromString("exception"));
        return encode(headers, new ErrorMessage(message));
    }

    static byte[] json(Object value) {
        return JSON.writeValueAsBytes(value);
    }

    /** A trace event: {@code {agentId, agentAliasId, sessionId, agentVersion, trace: {<step>: ...}}}. */
    static Map<String, Object> trace(AgentPath path, String step, Usage usage) {
        Map<String, Object> trace = new LinkedHashMap<>();
        trace.put("agentId", path.agentId());
        trace.put("agentAliasId", path.aliasId());
        trace.put("sessionId", path.sessionId());
        trace.put("agentVersion", "DRAFT");
        trace.put("trace", Map.of(step, new Step(new ModelInvocationOutput(step + "-standin", new Metadata(usage)))));
        return trace;
    }

    private static byte[] encode(Map<String, HeaderValue> headers, Object payload) {
        var buffer = new Message(headers, json(payload)).toByteBuffer();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
