package io.tenantchat.worker.reply.adapter.in.scheduling;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.tenantchat.worker.reply.application.ReleaseStaleHoldsService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the stale-hold release every {@code tenantchat.quotas.reconciler.every} and counts what it gave back in
 * {@code tenantchat.quota.holds.reconciled} (anything above zero means some path left a hold behind).
 */
@Component
@ConditionalOnProperty(name = "tenantchat.quotas.reconciler.enabled", havingValue = "true", matchIfMissing = true)
class StaleHoldReconciler {

    private static final Logger log = LoggerFactory.getLogger(StaleHoldReconciler.class);

    private final ReleaseStaleHoldsService service;
    private final Counter reconciled;

    /** @param registry the application's registry (Prometheus in production), or the global one where there is none */
    StaleHoldReconciler(ReleaseStaleHoldsService service, ObjectProvider<MeterRegistry> registry) {
        this.service = service;
        this.reconciled = Counter.builder("tenantchat.quota.holds.reconciled")
                .description("quota holds older than the longest job life, given back by the reconciler")
                .register(registry.getIfAvailable(() -> Metrics.globalRegistry));
    }

    @Scheduled(initialDelayString = "${tenantchat.quotas.reconciler.every:5m}",
            fixedDelayString = "${tenantchat.quotas.reconciler.every:5m}")
    void reconcile() {
        try {
            reconciled.increment(service.releaseStaleHolds());
        } catch (RuntimeException e) {
            log.warn("Stale quota holds not reconciled this round: {}", e.toString());
        }
    }
}
