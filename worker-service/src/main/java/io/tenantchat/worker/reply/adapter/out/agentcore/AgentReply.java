package io.tenantchat.worker.reply.adapter.out.agentcore;

import io.tenantchat.worker.reply.application.ReplyListener;
import io.tenantchat.worker.reply.domain.ModelReply;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Accumulates the agent's events into one reply; an error event ends it with a retryable failure. */
final class AgentReply {

    private final StringBuilder text = new StringBuilder();
    private final ReplyListener listener;
    private @Nullable Integer inputTokens;
    private @Nullable Integer outputTokens;

    AgentReply(ReplyListener listener) {
        this.listener = listener;
    }

    void accept(List<AgentEvent> events) {
        for (AgentEvent event : events) {
            if (event instanceof AgentEvent.Failure failure) {
                throw AgentCoreErrors.inStream(failure);
            }
            if (event instanceof AgentEvent.Usage usage) {
                inputTokens = usage.inputTokens();
                outputTokens = usage.outputTokens();
            } else if (event instanceof AgentEvent.Text delta) {
                append(delta.text());
            }
        }
    }

    ModelReply complete(String modelId, String agentId, Duration latency) {
        return new ModelReply(text.toString(), modelId, inputTokens, outputTokens, null, null, latency, agentId);
    }

    private void append(String piece) {
        if (!piece.isEmpty()) {
            text.append(piece);
            listener.delta(piece);
        }
    }
}
