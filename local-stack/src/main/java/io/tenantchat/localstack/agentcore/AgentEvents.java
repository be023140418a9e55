package io.tenantchat.localstack.agentcore;

import io.tenantchat.localstack.agentcore.AgentCoreStandIn.Format;
import io.tenantchat.localstack.agentcore.AgentCoreStandIn.Settings;
import io.tenantchat.localstack.standin.EchoReply;
import io.tenantchat.localstack.standin.PacedReply;
import io.tenantchat.localstack.standin.ResponseStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The agent's reply as it streams: one event per token, then a usage event when configured; or an error event
 * {@code {"error", "error_type"}} after {@code failAfter} tokens, as an agent framework reports an exception.
 */
final class AgentEvents {

    private final ResponseStream stream;
    private final Settings settings;
    private final AgentPayload payload;
    private final EchoReply reply;
    private final int failAfter;

    AgentEvents(ResponseStream stream, Settings settings, AgentPayload payload, EchoReply reply, int failAfter) {
        this.stream = stream;
        this.settings = settings;
        this.payload = payload;
        this.reply = reply;
        this.failAfter = failAfter;
    }

    static String contentType(Format format) {
        return format == Format.SSE ? "text/event-stream" : "application/x-ndjson";
    }

    void start() {
        new PacedReply(stream, settings.pacing(), reply.size(), this::token, this::closing, failAfter, this::failure)
                .start();
    }

    private byte[] token(int index) {
        String piece = reply.piece(index);
        return settings.format() == Format.SSE ? event(piece) : event(Map.of("delta", piece));
    }

    private List<byte[]> closing() {
        List<byte[]> parts = new ArrayList<>();
        if (settings.reportUsage()) {
            parts.add(event(Map.of("usage",
                    Map.of("input_tokens", payload.inputTokens(), "output_tokens", reply.size()))));
        }
        return parts;
    }

    private List<byte[]> failure() {
        return List.of(event(Map.of("error", "The model is busy right now. (agentcore stand-in)",
                "error_type", "ThrottlingException")));
    }

    private byte[] event(Object value) {
        String json = AgentPayload.JSON.writeValueAsString(value);
        String line = settings.format() == Format.SSE ? "data: " + json + "\n\n" : json + "\n";
        return line.getBytes(StandardCharsets.UTF_8);
    }
}
