package io.tenantchat.worker.usage.application;

import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.UserId;
import io.tenantchat.shared.usage.InvocationStatus;
import io.tenantchat.shared.usage.ModelInvoked;
import io.tenantchat.worker.usage.domain.PriceTable;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Turns one model call into its ModelInvoked event, priced from the configured table, and publishes it. */
public final class UsageMeter {

    private final UsagePublisher publisher;
    private final PriceTable prices;

    public UsageMeter(UsagePublisher publisher, PriceTable prices) {
        this.publisher = publisher;
        this.prices = prices;
    }

    /**
     * One call: who, which attempt, which model, how many tokens (null = unknown; cache counts are prompt tokens
     * read from or written to the prompt cache), how long, how it ended.
     */
    public record Call(TenantId tenantId, UserId userId, SessionId sessionId, MessageId messageId, int attempt,
            String modelId, @Nullable String agentId, @Nullable Integer inputTokens, @Nullable Integer outputTokens,
            @Nullable Integer cacheReadInputTokens, @Nullable Integer cacheWriteInputTokens, Duration latency,
            Instant invokedAt, InvocationStatus status) {
    }

    public ModelInvoked eventOf(Call call) {
        Long input = asLong(call.inputTokens());
        Long output = asLong(call.outputTokens());
        Long cacheRead = asLong(call.cacheReadInputTokens());
        Long cacheWrite = asLong(call.cacheWriteInputTokens());
        return new ModelInvoked(ModelInvoked.eventIdOf(call.messageId(), call.attempt()), call.tenantId(), call.userId(),
                call.sessionId(), call.messageId(), call.attempt(), call.modelId(), call.agentId(), input, output,
                cacheRead, cacheWrite, call.latency().toMillis(), call.invokedAt(), call.status(),
                prices.cost(call.modelId(), input, output, cacheRead, cacheWrite).orElse(null));
    }

    /** Publishes the call's event; throws {@link UsageNotPublishedException} if it could not be. */
    public void record(Call call) {
        publisher.publish(java.util.List.of(eventOf(call)));
    }

    private static @Nullable Long asLong(@Nullable Integer count) {
        return count == null ? null : count.longValue();
    }
}
