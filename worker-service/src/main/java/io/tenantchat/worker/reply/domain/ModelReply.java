package io.tenantchat.worker.reply.domain;

import java.time.Duration;
import java.util.Objects;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A complete reply from the model with its usage: never partial text. A token count is {@code null} when the
 * provider did not report it (unknown, which is not the same as zero). Cache counts are the prompt tokens read
 * from and written to the provider's prompt cache; {@code inputTokens} are the other prompt tokens (Bedrock's
 * {@code inputTokens}), so that input, cache reads and cache writes add up to the whole prompt and each is priced
 * once. {@code agentId} names the agent that answered when the provider is an agent ({@code null} for a plain
 * model): the adapter knows it, usage is metered under it.
 */
public record ModelReply(String text, String modelId, @Nullable Integer inputTokens, @Nullable Integer outputTokens,
        @Nullable Integer cacheReadInputTokens, @Nullable Integer cacheWriteInputTokens, Duration latency,
        @Nullable String agentId, boolean guardrailIntervened) {

    /** What the user sees instead of a reply a guardrail intervened in: neither the blocked text nor its reason. */
    public static final String WITHHELD = "This reply was withheld by your organisation's content policy.";

    public ModelReply {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(latency, "latency");
        if (Stream.of(inputTokens, outputTokens, cacheReadInputTokens, cacheWriteInputTokens)
                .anyMatch(count -> count != null && count < 0)) {
            throw new IllegalArgumentException("token counts are never negative");
        }
    }

    /** A reply of a plain model (no agent) no guardrail intervened in. */
    public ModelReply(String text, String modelId, @Nullable Integer inputTokens, @Nullable Integer outputTokens,
            @Nullable Integer cacheReadInputTokens, @Nullable Integer cacheWriteInputTokens, Duration latency) {
        this(text, modelId, inputTokens, outputTokens, cacheReadInputTokens, cacheWriteInputTokens, latency, null,
                false);
    }

    /** A reply of {@code agentId} (null: a plain model) no guardrail intervened in. */
    public ModelReply(String text, String modelId, @Nullable Integer inputTokens, @Nullable Integer outputTokens,
            @Nullable Integer cacheReadInputTokens, @Nullable Integer cacheWriteInputTokens, Duration latency,
            @Nullable String agentId) {
        this(text, modelId, inputTokens, outputTokens, cacheReadInputTokens, cacheWriteInputTokens, latency, agentId,
                false);
    }

    /** A reply of a plain model (no agent), {@code guardrailIntervened} as the provider reported it. */
    public ModelReply(String text, String modelId, @Nullable Integer inputTokens, @Nullable Integer outputTokens,
            @Nullable Integer cacheReadInputTokens, @Nullable Integer cacheWriteInputTokens, Duration latency,
            boolean guardrailIntervened) {
        this(text, modelId, inputTokens, outputTokens, cacheReadInputTokens, cacheWriteInputTokens, latency, null,
                guardrailIntervened);
    }

    /** This reply with {@link #WITHHELD} as its text: its usage stays, as Bedrock bills it. */
    public ModelReply withheld() {
        return new ModelReply(WITHHELD, modelId, inputTokens, outputTokens, cacheReadInputTokens,
                cacheWriteInputTokens, latency, agentId, true);
    }

    /** {@code guardrail_intervened} when a guardrail intervened, else null (the reply ended as models end). */
    public @Nullable String stopReason() {
        return guardrailIntervened ? "guardrail_intervened" : null;
    }

    /** A reply from a provider that reports no prompt cache usage. */
    public ModelReply(String text, String modelId, @Nullable Integer inputTokens, @Nullable Integer outputTokens,
            Duration latency) {
        this(text, modelId, inputTokens, outputTokens, null, null, latency);
    }
}
