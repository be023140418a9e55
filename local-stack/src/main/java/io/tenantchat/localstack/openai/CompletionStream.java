package io.tenantchat.localstack.openai;

import io.tenantchat.localstack.openai.OpenAiWire.Choice;
import io.tenantchat.localstack.openai.OpenAiWire.Chunk;
import io.tenantchat.localstack.openai.OpenAiWire.ChunkChoice;
import io.tenantchat.localstack.openai.OpenAiWire.Completion;
import io.tenantchat.localstack.openai.OpenAiWire.Delta;
import io.tenantchat.localstack.openai.OpenAiWire.Error;
import io.tenantchat.localstack.openai.OpenAiWire.ErrorBody;
import io.tenantchat.localstack.openai.OpenAiWire.Message;
import io.tenantchat.localstack.openai.OpenAiWire.Usage;
import io.tenantchat.localstack.standin.EchoReply;
import io.tenantchat.localstack.standin.Exchange;
import io.tenantchat.localstack.standin.PacedReply;
import io.tenantchat.localstack.standin.Pacing;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One streamed chat completion as server-sent events: a role chunk, one content chunk per token, a chunk with
 * {@code finish_reason}, a usage chunk with empty {@code choices} when asked for, and {@code data: [DONE]}; or an
 * error event after {@code failAfter} tokens.
 */
final class CompletionStream {

    private static final String EVENT_STREAM = "text/event-stream";

    private final Exchange exchange;
    private final Pacing pacing;
    private final ChatCompletionRequest request;
    private final EchoReply reply;
    private final int failAfter;
    private final String id = "chatcmpl-standin-" + UUID.randomUUID();
    private final long created = Instant.now().getEpochSecond();

    CompletionStream(Exchange exchange, Pacing pacing, ChatCompletionRequest request, EchoReply reply, int failAfter) {
        this.exchange = exchange;
        this.pacing = pacing;
        this.request = request;
        this.reply = reply;
        this.failAfter = failAfter;
    }

    static Completion whole(ChatCompletionRequest request, EchoReply reply) {
        Choice choice = new Choice(0, new Message("assistant", reply.text()), finishReason(reply));
        return new Completion("chatcmpl-standin-" + UUID.randomUUID(), "chat.completion",
                Instant.now().getEpochSecond(), request.model(), List.of(choice), usage(request, reply));
    }

    void start() {
        var stream = exchange.openStream(EVENT_STREAM, Map.of("cache-control", "no-cache"));
        stream.send(OpenAiWire.event(chunk(new Delta("assistant", ""), null)));
        new PacedReply(stream, pacing, reply.size(), i -> OpenAiWire.event(chunk(new Delta(null, reply.piece(i)), null)),
                this::closing, failAfter, this::failure).start();
    }

    private List<byte[]> closing() {
        List<byte[]> parts = new ArrayList<>();
        parts.add(OpenAiWire.event(chunk(new Delta(null, null), finishReason(reply))));
        if (request.includeUsage()) {
            parts.add(OpenAiWire.event(new Chunk(id, "chat.completion.chunk", created, request.model(), List.of(),
                    usage(request, reply))));
        }
        parts.add(OpenAiWire.done());
        return parts;
    }

    private List<byte[]> failure() {
        return List.of(OpenAiWire.event(new ErrorBody(new Error(
                "The server had an error while generating the reply. (openai stand-in)", "server_error", "500"))));
    }

    private Chunk chunk(Delta delta, String finishReason) {
        return new Chunk(id, "chat.completion.chunk", created, request.model(),
                List.of(new ChunkChoice(0, delta, finishReason)), null);
    }

    private static String finishReason(EchoReply reply) {
        return reply.truncated() ? "length" : "stop";
    }

    private static Usage usage(ChatCompletionRequest request, EchoReply reply) {
        return Usage.of(request.promptTokens(), reply.size());
    }
}
