package io.tenantchat.usage.metering.adapter.in.sqs;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.tenantchat.shared.MetricTenants;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * Hands each event to the use case. A body that cannot be read throws, so after the queue's receive limit it
 * rests in the dead-letter queue for an operator instead of being dropped.
 */
@Component
class UsageEventListener {

    private static final Logger log = LoggerFactory.getLogger(UsageEventListener.class);
    private static final TypeReference<EventBridgeEnvelope<ModelInvoked>> ENVELOPE = new TypeReference<>() { };

    private final RecordUsageUseCase recordUsage;
    private final JsonMapper json;
    private final MeterRegistry registry;
    private final MetricTenants tenants;

    UsageEventListener(RecordUsageUseCase recordUsage, JsonMapper json, ObjectProvider<MeterRegistry> registry,
            ObjectProvider<MetricTenants> tenants) {
        this.recordUsage = recordUsage;
        this.json = json;
        this.registry = registry.getIfAvailable(() -> Metrics.globalRegistry);
        this.tenants = tenants.getIfAvailable(() -> new MetricTenants(Set.of()));
    }

    @SqsListener("${tenantchat.queues.usage-events}")
    void onEvent(String body) {
        EventBridgeEnvelope<ModelInvoked> envelope = json.readValue(body, ENVELOPE);
        if (!ModelInvoked.DETAIL_TYPE.equals(envelope.detailType()) || envelope.detail() == null) {
            log.warn("ignoring event {} of detail-type {}", envelope.id(), envelope.detailType());
            return;
        }
        boolean counted = recordUsage.record(envelope.detail());
        Counter.builder("tenantchat.usage.events").description("usage events received, counted or duplicate")
                .tag(MetricTenants.TAG, tenants.tagOf(envelope.detail().tenantId()))
                .tag("result", counted ? "counted" : "duplicate").register(registry).increment();
    }
}
