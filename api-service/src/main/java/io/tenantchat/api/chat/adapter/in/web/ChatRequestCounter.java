package io.tenantchat.api.chat.adapter.in.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.tenantchat.shared.MetricTenants;
import io.tenantchat.shared.TenantId;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;

/** {@code tenantchat.chat.requests}: accepted chat messages and retries, tagged by (bounded) tenant and kind. */
final class ChatRequestCounter {

    private final MeterRegistry registry;
    private final MetricTenants tenants;

    ChatRequestCounter(ObjectProvider<MeterRegistry> registry, ObjectProvider<MetricTenants> tenants) {
        this.registry = registry.getIfAvailable(() -> Metrics.globalRegistry);
        this.tenants = tenants.getIfAvailable(() -> new MetricTenants(Set.of()));
    }

    void accepted(TenantId tenantId, String kind) {
        Counter.builder("tenantchat.chat.requests").description("chat messages accepted (send or retry)")
                .tag(MetricTenants.TAG, tenants.tagOf(tenantId)).tag("kind", kind).register(registry).increment();
    }
}
