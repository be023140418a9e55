package io.tenantchat.usage.metering.application;

import io.tenantchat.shared.usage.ModelInvoked;
import io.tenantchat.usage.metering.domain.RejectionReason;
import io.tenantchat.usage.metering.domain.UsageEventRejection;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What a usage event must be to be counted: from the worker ({@code source}, {@code detail-type}), in the expected
 * account and region where those are configured, and with values one model call can have. Anything else could
 * refund or exhaust a tenant's budget, so it is refused, not repaired.
 */
public final class UsageEventPolicy {

    /** Bedrock model ids ({@code anthropic.claude-3-5-sonnet-20241022-v2:0}), inference profiles, ARNs, OpenAI names. */
    private static final Pattern MODEL_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/+-]{0,255}");

    private final Limits limits;

    public UsageEventPolicy(Limits limits) {
        this.limits = limits;
    }

    /**
     * @param expectedAccount the AWS account every event must name; blank: not checked (local stand-ins)
     * @param expectedRegion the region every event must name where an account is expected; blank: not checked
     * @param maxTokens the most tokens of each kind one call may report
     * @param maxLatency the longest one call may take
     * @param maxCostUsd the most one call may cost
     * @param clockSkew how far in the future an invocation time may lie
     */
    public record Limits(String expectedAccount, String expectedRegion, long maxTokens, Duration maxLatency,
            BigDecimal maxCostUsd, Duration clockSkew) {
    }

    /** The envelope's members as EventBridge sets them; null when absent. */
    public Optional<UsageEventRejection> checkEnvelope(@Nullable String source, @Nullable String detailType,
            @Nullable String account, @Nullable String region) {
        if (!ModelInvoked.SOURCE.equals(source)) {
            return reject(RejectionReason.WRONG_SOURCE, "source " + source);
        }
        if (!ModelInvoked.DETAIL_TYPE.equals(detailType)) {
            return reject(RejectionReason.WRONG_DETAIL_TYPE, "detail-type " + detailType);
        }
        if (isSet(limits.expectedAccount()) && !limits.expectedAccount().equals(account)) {
            return reject(RejectionReason.WRONG_ACCOUNT, "account " + account);
        }
        if (isSet(limits.expectedAccount()) && isSet(limits.expectedRegion())
                && !limits.expectedRegion().equals(region)) {
            return reject(RejectionReason.WRONG_REGION, "region " + region);
        }
        return Optional.empty();
    }

    /** The detail's values ({@link ModelInvoked} already checked ids, tenant id format and required members). */
    public Optional<UsageEventRejection> checkEvent(ModelInvoked event, Instant now) {
        if (!MODEL_ID.matcher(event.modelId()).matches()) {
            return reject(RejectionReason.INVALID_MODEL_ID, "model_id is not a model id");
        }
        Optional<UsageEventRejection> tokens = tokens("input_tokens", event.inputTokens())
                .or(() -> tokens("output_tokens", event.outputTokens()))
                .or(() -> tokens("cache_read_input_tokens", event.cacheReadInputTokens()))
                .or(() -> tokens("cache_write_input_tokens", event.cacheWriteInputTokens()));
        if (tokens.isPresent()) {
            return tokens;
        }
        if (event.latencyMs() < 0 || event.latencyMs() > limits.maxLatency().toMillis()) {
            return reject(RejectionReason.VALUE_OUT_OF_RANGE, "latency_ms " + event.latencyMs());
        }
        if (event.costUsd() != null && (event.costUsd().signum() < 0
                || event.costUsd().compareTo(limits.maxCostUsd()) > 0)) {
            return reject(RejectionReason.VALUE_OUT_OF_RANGE, "cost_usd " + event.costUsd().toPlainString());
        }
        if (event.invocationTime().isAfter(now.plus(limits.clockSkew()))) {
            return reject(RejectionReason.INVOCATION_IN_THE_FUTURE, "invocation_time " + event.invocationTime());
        }
        return Optional.empty();
    }

    private Optional<UsageEventRejection> tokens(String member, @Nullable Long count) {
        return count != null && (count < 0 || count > limits.maxTokens())
                ? reject(RejectionReason.VALUE_OUT_OF_RANGE, member + " " + count) : Optional.empty();
    }

    private static Optional<UsageEventRejection> reject(RejectionReason reason, String detail) {
        return Optional.of(new UsageEventRejection(reason, detail));
    }

    private static boolean isSet(@Nullable String value) {
        return value != null && !value.isBlank();
    }
}
