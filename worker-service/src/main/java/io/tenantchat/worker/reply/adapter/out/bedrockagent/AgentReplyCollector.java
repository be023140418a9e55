package io.tenantchat.worker.reply.adapter.out.bedrockagent;

import io.tenantchat.worker.reply.application.ReplyListener;
import io.tenantchat.worker.reply.domain.ModelReply;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.bedrockagentruntime.model.InvokeAgentResponseHandler;
import software.amazon.awssdk.services.bedrockagentruntime.model.Metadata;
import software.amazon.awssdk.services.bedrockagentruntime.model.OrchestrationModelInvocationOutput;
import software.amazon.awssdk.services.bedrockagentruntime.model.OrchestrationTrace;
import software.amazon.awssdk.services.bedrockagentruntime.model.PayloadPart;
import software.amazon.awssdk.services.bedrockagentruntime.model.PostProcessingModelInvocationOutput;
import software.amazon.awssdk.services.bedrockagentruntime.model.PostProcessingTrace;
import software.amazon.awssdk.services.bedrockagentruntime.model.PreProcessingModelInvocationOutput;
import software.amazon.awssdk.services.bedrockagentruntime.model.PreProcessingTrace;
import software.amazon.awssdk.services.bedrockagentruntime.model.RoutingClassifierModelInvocationOutput;
import software.amazon.awssdk.services.bedrockagentruntime.model.RoutingClassifierTrace;
import software.amazon.awssdk.services.bedrockagentruntime.model.Trace;
import software.amazon.awssdk.services.bedrockagentruntime.model.TracePart;
import software.amazon.awssdk.services.bedrockagentruntime.model.Usage;

/**
 * Accumulates one InvokeAgent reply: each {@code chunk}'s bytes are text passed on to the listener; token usage is
 * the sum over the model invocations the trace reports (pre-processing, orchestration, routing, post-processing),
 * and stays unknown ({@code null}) when no trace reported any. Events arrive on SDK threads, hence the
 * synchronisation.
 */
final class AgentReplyCollector {

    private final StringBuilder text = new StringBuilder();
    private final ReplyListener listener;
    private @Nullable Integer inputTokens;
    private @Nullable Integer outputTokens;

    AgentReplyCollector(ReplyListener listener) {
        this.listener = listener;
    }

    InvokeAgentResponseHandler handler() {
        return InvokeAgentResponseHandler.builder().subscriber(visitor()).build();
    }

    InvokeAgentResponseHandler.Visitor visitor() {
        return InvokeAgentResponseHandler.Visitor.builder()
                .onChunk(this::append)
                .onTrace(this::usage)
                .build();
    }

    synchronized ModelReply toReply(String modelId, String agentId, Duration latency) {
        return new ModelReply(text.toString(), modelId, inputTokens, outputTokens, null, null, latency, agentId);
    }

    private synchronized void append(PayloadPart chunk) {
        if (chunk.bytes() != null) {
            String piece = chunk.bytes().asString(StandardCharsets.UTF_8);
            if (!piece.isEmpty()) {
                text.append(piece);
                listener.delta(piece);
            }
        }
    }

    private synchronized void usage(TracePart part) {
        if (part.trace() != null) {
            metadata(part.trace()).map(Metadata::usage).filter(Objects::nonNull).forEach(this::add);
        }
    }

    /** The metadata of every model invocation this trace event reports. */
    private static Stream<Metadata> metadata(Trace trace) {
        return Stream.of(
                Optional.ofNullable(trace.preProcessingTrace()).map(PreProcessingTrace::modelInvocationOutput)
                        .map(PreProcessingModelInvocationOutput::metadata),
                Optional.ofNullable(trace.orchestrationTrace()).map(OrchestrationTrace::modelInvocationOutput)
                        .map(OrchestrationModelInvocationOutput::metadata),
                Optional.ofNullable(trace.routingClassifierTrace()).map(RoutingClassifierTrace::modelInvocationOutput)
                        .map(RoutingClassifierModelInvocationOutput::metadata),
                Optional.ofNullable(trace.postProcessingTrace()).map(PostProcessingTrace::modelInvocationOutput)
                        .map(PostProcessingModelInvocationOutput::metadata))
                .flatMap(Optional::stream);
    }

    private void add(Usage usage) {
        inputTokens = sum(inputTokens, usage.inputTokens());
        outputTokens = sum(outputTokens, usage.outputTokens());
    }

    private static @Nullable Integer sum(@Nullable Integer total, @Nullable Integer more) {
        if (more == null) {
            return total;
        }
        return total == null ? more : total + more;
    }
}
