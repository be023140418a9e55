package io.tenantchat.worker.reply.adapter.out.bedrock;

import io.tenantchat.worker.reply.application.ReplyListener;
import io.tenantchat.worker.reply.domain.ModelReply;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockDeltaEvent;
import software.amazon.awssdk.services.bedrockruntime.model.MessageStopEvent;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamMetadataEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;

/**
 * Accumulates one ConverseStream reply. Everything is reset on {@code messageStart}, so a stream that starts
 * over never yields duplicated partial text. Events arrive on SDK threads, hence the synchronisation.
 */
final class ReplyCollector {

    private final StringBuilder text = new StringBuilder();
    private final ReplyListener listener;
    private @Nullable Integer inputTokens;
    private @Nullable Integer outputTokens;
    private @Nullable Integer cacheReadTokens;
    private @Nullable Integer cacheWriteTokens;
    private @Nullable Long latencyMs;
    private boolean guardrailIntervened;

    ReplyCollector(ReplyListener listener) {
        this.listener = listener;
    }

    ConverseStreamResponseHandler handler() {
        return ConverseStreamResponseHandler.builder().subscriber(visitor()).build();
    }

    ConverseStreamResponseHandler.Visitor visitor() {
        return ConverseStreamResponseHandler.Visitor.builder()
                .onMessageStart(event -> restart())
                .onContentBlockDelta(this::append)
                .onMessageStop(this::stop)
                .onMetadata(this::usage)
                .build();
    }

    synchronized ModelReply toReply(String modelId, Duration measured) {
        Duration latency = latencyMs == null ? measured : Duration.ofMillis(latencyMs);
        return new ModelReply(text.toString(), modelId, inputTokens, outputTokens, cacheReadTokens, cacheWriteTokens,
                latency, guardrailIntervened);
    }

    private synchronized void restart() {
        text.setLength(0);
        inputTokens = null;
        outputTokens = null;
        cacheReadTokens = null;
        cacheWriteTokens = null;
        latencyMs = null;
        guardrailIntervened = false;
        listener.restarted();
    }

    private synchronized void append(ContentBlockDeltaEvent event) {
        if (event.delta() != null && event.delta().text() != null) {
            text.append(event.delta().text());
            listener.delta(event.delta().text());
        }
    }

    private synchronized void stop(MessageStopEvent event) {
        guardrailIntervened = event.stopReason() == StopReason.GUARDRAIL_INTERVENED;
    }

    private synchronized void usage(ConverseStreamMetadataEvent event) {
        if (event.usage() != null) {
            inputTokens = event.usage().inputTokens();
            outputTokens = event.usage().outputTokens();
            cacheReadTokens = event.usage().cacheReadInputTokens();
            cacheWriteTokens = event.usage().cacheWriteInputTokens();
        }
        if (event.metrics() != null) {
            latencyMs = event.metrics().latencyMs();
        }
    }
}
