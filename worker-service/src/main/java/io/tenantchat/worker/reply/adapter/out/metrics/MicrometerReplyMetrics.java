package io.tenantchat.worker.reply.adapter.out.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.tenantchat.shared.MetricTenants;
import io.tenantchat.shared.TenantId;
import io.tenantchat.worker.reply.application.ReplyMetrics;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * {@code tenantchat.queue.wait}, {@code tenantchat.reply.pre_model}, {@code tenantchat.model.ttft}, {@code tenantchat.model.duration} (timers),
 * {@code tenantchat.model.tokens} ({@code direction} input/output) and {@code tenantchat.model.failures}
 * ({@code reason}), each tagged {@code tenant} by {@link MetricTenants} (others as {@code other}).
 */
@Component
class MicrometerReplyMetrics implements ReplyMetrics {

    private final MeterRegistry registry;
    private final MetricTenants tenants;

    /** The application's registry (Prometheus in production), or the global one where there is none (slices). */
    MicrometerReplyMetrics(ObjectProvider<MeterRegistry> registry, MetricTenants tenants) {
        this.registry = registry.getIfAvailable(() -> Metrics.globalRegistry);
        this.tenants = tenants;
    }

    @Override
    public void queueWait(TenantId tenantId, Duration wait) {
        timer("tenantchat.queue.wait", "time from queueing a job to a worker receiving it", tenantId)
                .record(wait.isNegative() ? Duration.ZERO : wait);
    }

    @Override
    public void modelCall(TenantId tenantId, @Nullable Duration timeToFirstToken, Duration duration,
            long inputTokens, long outputTokens) {
        if (timeToFirstToken != null) {
            timer("tenantchat.model.ttft", "time from the model call to its first streamed text", tenantId)
                    .record(timeToFirstToken);
        }
        timer("tenantchat.model.duration", "duration of an answered model call", tenantId).record(duration);
        tokens(tenantId, "input").increment(inputTokens);
        tokens(tenantId, "output").increment(outputTokens);
    }

    @Override
    public void preModel(TenantId tenantId, Duration preModel) {
        timer("tenantchat.reply.pre_model", "time from taking a job to calling the model (first attempt)", tenantId)
                .record(preModel.isNegative() ? Duration.ZERO : preModel);
    }

    @Override
    public void modelFailure(TenantId tenantId, String reason) {
        Counter.builder("tenantchat.model.failures").description("failed model calls by reason")
                .tag(MetricTenants.TAG, tenants.tagOf(tenantId)).tag("reason", reason).register(registry).increment();
    }

    private Timer timer(String name, String description, TenantId tenantId) {
        return Timer.builder(name).description(description).tag(MetricTenants.TAG, tenants.tagOf(tenantId))
                .publishPercentileHistogram().register(registry);
    }

    private Counter tokens(TenantId tenantId, String direction) {
        return Counter.builder("tenantchat.model.tokens").description("model tokens")
                .tag(MetricTenants.TAG, tenants.tagOf(tenantId)).tag("direction", direction).register(registry);
    }
}
