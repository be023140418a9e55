package io.tenantchat.localstack.bedrockagent;

import io.tenantchat.localstack.bedrockagent.AgentWire.Chunk;
import io.tenantchat.localstack.bedrockagent.AgentWire.Usage;
import io.tenantchat.localstack.standin.EchoReply;
import io.tenantchat.localstack.standin.PacedReply;
import io.tenantchat.localstack.standin.Pacing;
import io.tenantchat.localstack.standin.ResponseStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * One InvokeAgent event stream: a pre-processing trace when the trace is on, one {@code chunk} per token, then the
 * orchestration trace; or a {@code throttlingException} frame after {@code failAfter} chunks.
 */
final class AgentStream {

    private final ResponseStream stream;
    private final Pacing pacing;
    private final AgentPath path;
    private final AgentInput input;
    private final EchoReply reply;
    private final int failAfter;

    AgentStream(ResponseStream stream, Pacing pacing, AgentPath path, AgentInput input, EchoReply reply,
            int failAfter) {
        this.stream = stream;
        this.pacing = pacing;
        this.path = path;
        this.input = input;
        this.reply = reply;
        this.failAfter = failAfter;
    }

    void start() {
        if (input.enableTrace()) {
            stream.send(trace("preProcessingTrace", 1));
        }
        new PacedReply(stream, pacing, reply.size(), this::chunk, this::closing, failAfter, this::failure).start();
    }

    private byte[] chunk(int index) {
        String base64 = Base64.getEncoder().encodeToString(reply.piece(index).getBytes(StandardCharsets.UTF_8));
        return AgentWire.event("chunk", new Chunk(base64));
    }

    private List<byte[]> closing() {
        return input.enableTrace() ? List.of(trace("orchestrationTrace", reply.size())) : List.of();
    }

    private List<byte[]> failure() {
        return List.of(AgentWire.exception("throttlingException",
                "Your request rate is too high. Reduce the frequency of requests. (bedrock-agent stand-in)"));
    }

    private byte[] trace(String step, int outputTokens) {
        Usage usage = new Usage(EchoReply.words(input.inputText()), outputTokens);
        return AgentWire.event("trace", AgentWire.trace(path, step, usage));
    }
}
