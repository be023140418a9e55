package io.tenantchat.shared.usage;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.UserId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One model call, published by the worker to the EventBridge bus {@code tenantchat-usage} (source
 * {@code tenantchat.worker}, detail-type {@code ModelInvoked}). {@code event_id} is deterministic (message id and
 * attempt), so redelivered or replayed events are recognised. Token counts and cost are {@code null} when the
 * provider did not report usage: unknown, not zero. Members it does not name (such as the trace context the
 * worker adds) are ignored when it is read.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModelInvoked(
        @JsonProperty("event_id") String eventId,
        @JsonProperty("tenant_id") TenantId tenantId,
        @JsonProperty("user_id") UserId userId,
        @JsonProperty("session_id") SessionId sessionId,
        @JsonProperty("message_id") MessageId messageId,
        @JsonProperty("attempt") int attempt,
        @JsonProperty("model_id") String modelId,
        @JsonProperty("agent_id") @Nullable String agentId,
        @JsonProperty("input_tokens") @Nullable Long inputTokens,
        @JsonProperty("output_tokens") @Nullable Long outputTokens,
        @JsonProperty("cache_read_input_tokens") @Nullable Long cacheReadInputTokens,
        @JsonProperty("cache_write_input_tokens") @Nullable Long cacheWriteInputTokens,
        @JsonProperty("latency_ms") long latencyMs,
        @JsonProperty("invocation_time") Instant invocationTime,
        @JsonProperty("status") InvocationStatus status,
        @JsonProperty("cost_usd") @Nullable BigDecimal costUsd) {

    public static final String SOURCE = "tenantchat.worker";
    public static final String DETAIL_TYPE = "ModelInvoked";

    public ModelInvoked {
        Objects.requireNonNull(eventId, "event_id");
        Objects.requireNonNull(tenantId, "tenant_id");
        Objects.requireNonNull(userId, "user_id");
        Objects.requireNonNull(sessionId, "session_id");
        Objects.requireNonNull(messageId, "message_id");
        Objects.requireNonNull(modelId, "model_id");
        Objects.requireNonNull(invocationTime, "invocation_time");
        Objects.requireNonNull(status, "status");
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt starts at 1");
        }
        if (!eventId.equals(eventIdOf(messageId, attempt))) {
            throw new IllegalArgumentException("event_id must be <message_id>#<attempt>");
        }
    }

    /** The deterministic event id of one attempt at answering one message. */
    public static String eventIdOf(MessageId messageId, int attempt) {
        return messageId.value() + "#" + attempt;
    }

    /** {@code agent_invocation} when a Bedrock Agent or AgentCore runtime answered, else {@code model_invocation}. */
    public String metricType() {
        return agentId == null ? "model_invocation" : "agent_invocation";
    }
}
