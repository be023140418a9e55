package io.tenantchat.worker.reply.adapter.out.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tenantchat.shared.MetricTenants;
import io.tenantchat.shared.TenantId;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

class MicrometerReplyMetricsTests {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MicrometerReplyMetrics metrics = new MicrometerReplyMetrics(
            new StaticListableBeanFactory(java.util.Map.of("registry", registry)).getBeanProvider(MeterRegistry.class),
            new MetricTenants(Set.of("tenant-001")));

    @Test
    void namedTenantKeepsItsTagAndEveryOtherTenantSharesOther() {
        metrics.modelCall(TenantId.of("tenant-001"), Duration.ofMillis(120), Duration.ofSeconds(2), 100, 40);
        metrics.modelCall(TenantId.of("tenant-002"), null, Duration.ofSeconds(1), 10, 4);
        metrics.modelCall(TenantId.of("tenant-003"), Duration.ofMillis(80), Duration.ofSeconds(1), 10, 4);

        assertThat(registry.get("tenantchat.model.duration").tag("tenant", "tenant-001").timer().count()).isEqualTo(1);
        assertThat(registry.get("tenantchat.model.duration").tag("tenant", "other").timer().count()).isEqualTo(2);
        assertThat(registry.get("tenantchat.model.ttft").tag("tenant", "other").timer().count()).isEqualTo(1);
        assertThat(registry.get("tenantchat.model.tokens").tag("tenant", "other").tag("direction", "output")
                .counter().count()).isEqualTo(8);
        assertThat(registry.find("tenantchat.model.duration").tag("tenant", "tenant-002").timer()).isNull();
    }

    @Test
    void timeBeforeTheModelCallIsTimedPerTenantWithAHistogram() {
        metrics.preModel(TenantId.of("tenant-001"), Duration.ofMillis(40));
        metrics.preModel(TenantId.of("tenant-004"), Duration.ofMillis(-1));

        assertThat(registry.get("tenantchat.reply.pre_model").tag("tenant", "tenant-001").timer().count()).isEqualTo(1);
        assertThat(registry.get("tenantchat.reply.pre_model").tag("tenant", "other").timer().totalTime(
                java.util.concurrent.TimeUnit.MILLISECONDS)).isZero();
    }

    @Test
    void failuresAreCountedByReasonAndQueueWaitIsTimed() {
        metrics.modelFailure(TenantId.of("tenant-001"), "model_unavailable");
        metrics.queueWait(TenantId.of("tenant-009"), Duration.ofMillis(300));

        assertThat(registry.get("tenantchat.model.failures").tag("reason", "model_unavailable").counter().count())
                .isEqualTo(1);
        assertThat(registry.get("tenantchat.queue.wait").tag("tenant", "other").timer().count()).isEqualTo(1);
    }
}
