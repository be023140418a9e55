package io.tenantchat.usage.metering.adapter.in.sqs;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.observation.ObservationRegistry;
import io.tenantchat.shared.MetricTenants;
import io.tenantchat.shared.observability.LogContext;
import io.tenantchat.shared.observability.TraceContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import io.awspring.cloud.sqs.annotation.SqsListener;
import io.tenantchat.shared.usage.EventBridgeEnvelope;
import io.tenantchat.shared.usage.ModelInvoked;
import io.tenantchat.usage.metering.application.RecordUsageUseCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hands each event to the use case. A body that cannot be read throws, so after the queue's receive limit it
 * rests in the dead-letter queue for an operator instead of being dropped. The event's work continues the trace
 * the worker put in the detail ({@value TraceContext#EVENT_MEMBER}) and logs with the event's tenant, user and
 * message.
 */
@Component
class UsageEventListener {

    private static final Logger log = LoggerFactory.getLogger(UsageEventListener.class);
    private static final TypeReference<EventBridgeEnvelope<ModelInvoked>> ENVELOPE = new TypeReference<>() { };

    private final RecordUsageUseCase recordUsage;
    private final JsonMapper json;
    private final MeterRegistry registry;
    private final MetricTenants tenants;
    private final ObservationRegistry observations;

    UsageEventListener(RecordUsageUseCase recordUsage, JsonMapper json, ObjectProvider<MeterRegistry> registry,
            ObjectProvider<MetricTenants> tenants, ObjectProvider<ObservationRegistry> observations) {
        this.recordUsage = recordUsage;
        this.json = json;
        this.registry = registry.getIfAvailable(() -> Metrics.globalRegistry);
        this.tenants = tenants.getIfAvailable(() -> new MetricTenants(Set.of()));
        this.observations = observations.getIfAvailable(() -> ObservationRegistry.NOOP);
    }

    @SqsListener("${tenantchat.queues.usage-events}")
    void onEvent(String body) {
        EventBridgeEnvelope<ModelInvoked> envelope = json.readValue(body, ENVELOPE);
        if (!ModelInvoked.DETAIL_TYPE.equals(envelope.detailType()) || envelope.detail() == null) {
            log.warn("ignoring event {} of detail-type {}", envelope.id(), envelope.detailType());
            return;
        }
        ModelInvoked event = envelope.detail();
        boolean counted = TraceContext.receiving(observations, "tenantchat.usage.record", "Amazon EventBridge",
                carried(json.readTree(body).path("detail").path(TraceContext.EVENT_MEMBER)), () -> record(event));
        Counter.builder("tenantchat.usage.events").description("usage events received, counted or duplicate")
                .tag(MetricTenants.TAG, tenants.tagOf(event.tenantId()))
                .tag("result", counted ? "counted" : "duplicate").register(registry).increment();
    }

    private boolean record(ModelInvoked event) {
        try (LogContext ignored = LogContext.of(LogContext.TENANT_ID, event.tenantId().value(),
                LogContext.USER_ID, event.userId().value(), LogContext.SESSION_ID, event.sessionId().value(),
                LogContext.MESSAGE_ID, event.messageId().value())) {
            boolean counted = recordUsage.record(event);
            if (counted) {
                log.info("usage event {} counted ({} model call)", event.eventId(), event.metricType());
            }
            return counted;
        }
    }

    private static Map<String, String> carried(JsonNode traceContext) {
        Map<String, String> carried = new LinkedHashMap<>();
        traceContext.properties().forEach(entry -> {
            if (entry.getValue().isString() && carried.size() < TraceContext.MAX_ENTRIES) {
                carried.put(entry.getKey(), entry.getValue().asString());
            }
        });
        return carried;
    }
}
