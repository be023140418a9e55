package io.tenantchat.usage.metering.adapter.out.dynamodb;

import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.UserId;
import io.tenantchat.shared.usage.InvocationStatus;
import io.tenantchat.shared.usage.ModelInvoked;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The seed's usage row ({@code tenant_id, timestamp, metric_type, value, session_id, agent_id}) plus token
 * fields. The range key is the invocation time followed by the event id, so two calls in one millisecond never
 * overwrite each other and rows still sort by time.
 */
final class UsageRows {

    private UsageRows() {
    }

    static Map<String, AttributeValue> rawRow(ModelInvoked e) {
        Map<String, AttributeValue> row = new HashMap<>();
        row.put("tenant_id", s(e.tenantId().value()));
        row.put("timestamp", s(e.invocationTime() + "#" + e.eventId()));
        row.put("metric_type", s(e.metricType()));
        row.put("value", AttributeValue.fromN("1.0"));
        row.put("session_id", s(e.sessionId().value()));
        row.put("user_id", s(e.userId().value()));
        row.put("message_id", s(e.messageId().value()));
        row.put("event_id", s(e.eventId()));
        row.put("model_id", s(e.modelId()));
        row.put("status", s(e.status().wireValue()));
        row.put("latency_ms", n(e.latencyMs()));
        row.put("invocation_time", s(e.invocationTime().toString()));
        putIfKnown(row, "agent_id", e.agentId() == null ? null : s(e.agentId()));
        putIfKnown(row, "input_tokens", e.inputTokens() == null ? null : n(e.inputTokens()));
        putIfKnown(row, "output_tokens", e.outputTokens() == null ? null : n(e.outputTokens()));
        putIfKnown(row, "cache_read_input_tokens", e.cacheReadInputTokens() == null ? null : n(e.cacheReadInputTokens()));
        putIfKnown(row, "cache_write_input_tokens", e.cacheWriteInputTokens() == null ? null : n(e.cacheWriteInputTokens()));
        putIfKnown(row, "cost_usd", e.costUsd() == null ? null : AttributeValue.fromN(e.costUsd().toPlainString()));
        return row;
    }

    /** The event a raw row was written for (the attempt is the event id's suffix). */
    static ModelInvoked toEvent(Map<String, AttributeValue> row) {
        String eventId = required(row, "event_id").s();
        return new ModelInvoked(eventId, TenantId.of(required(row, "tenant_id").s()),
                UserId.of(required(row, "user_id").s()), SessionId.of(required(row, "session_id").s()),
                MessageId.of(required(row, "message_id").s()),
                Integer.parseInt(eventId.substring(eventId.lastIndexOf('#') + 1)), required(row, "model_id").s(),
                string(row, "agent_id"), number(row, "input_tokens"), number(row, "output_tokens"),
                number(row, "cache_read_input_tokens"), number(row, "cache_write_input_tokens"),
                Long.parseLong(required(row, "latency_ms").n()), Instant.parse(required(row, "invocation_time").s()),
                InvocationStatus.fromWire(required(row, "status").s()),
                row.containsKey("cost_usd") ? new BigDecimal(required(row, "cost_usd").n()) : null);
    }

    /** An attribute every item of its kind has; one without it is malformed. */
    static AttributeValue required(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null) {
            throw new IllegalStateException("usage item without " + name);
        }
        return value;
    }

    private static @Nullable String string(Map<String, AttributeValue> row, String name) {
        return row.containsKey(name) ? row.get(name).s() : null;
    }

    private static @Nullable Long number(Map<String, AttributeValue> row, String name) {
        return row.containsKey(name) ? Long.valueOf(row.get(name).n()) : null;
    }

    private static void putIfKnown(Map<String, AttributeValue> row, String name, @Nullable AttributeValue value) {
        if (value != null) {
            row.put(name, value);
        }
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
