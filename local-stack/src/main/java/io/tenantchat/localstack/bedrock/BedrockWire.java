package io.tenantchat.localstack.bedrock;

import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/** The JSON shapes Bedrock Runtime puts on the wire for Converse and ConverseStream. */
final class BedrockWire {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private BedrockWire() {}

    record Text(String text) {}

    record Message(String role, List<Text> content) {}

    record Output(Message message) {}

    /** Cache counts as Bedrock reports them for cache-capable models: 0 unless the request had cache points. */
    record Usage(int inputTokens, int outputTokens, int totalTokens, int cacheReadInputTokens,
            int cacheWriteInputTokens) {}

    record Metrics(long latencyMs) {}

    record ConverseResponse(Output output, String stopReason, Usage usage, Metrics metrics) {}

    record MessageStart(String role) {}

    record Delta(String text) {}

    record ContentBlockDelta(int contentBlockIndex, Delta delta) {}

    record ContentBlockStop(int contentBlockIndex) {}

    record MessageStop(String stopReason) {}

    record Metadata(Usage usage, Metrics metrics) {}

    record ErrorMessage(String message) {}

    static ConverseResponse converseResponse(StandInReply reply, long latencyMs) {
        Message message = new Message("assistant", List.of(new Text(reply.text())));
        return new ConverseResponse(new Output(message), reply.stopReason(), usage(reply), new Metrics(latencyMs));
    }

    static Usage usage(StandInReply reply) {
        return new Usage(reply.inputTokens(), reply.outputTokens(), reply.inputTokens() + reply.outputTokens()
                + reply.cacheReadInputTokens() + reply.cacheWriteInputTokens(), reply.cacheReadInputTokens(),
                reply.cacheWriteInputTokens());
    }

    static byte[] bytes(Object value) {
        return JSON.writeValueAsBytes(value);
    }
}
