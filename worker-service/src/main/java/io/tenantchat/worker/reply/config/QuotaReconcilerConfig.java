package io.tenantchat.worker.reply.config;

import io.tenantchat.worker.reply.application.QuotaHolds;
import io.tenantchat.worker.reply.application.ReleaseStaleHoldsService;
import io.tenantchat.worker.usage.config.UsageProperties;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The stale quota hold reconciler, scheduled on every instance unless disabled. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "tenantchat.quotas.reconciler.enabled", havingValue = "true", matchIfMissing = true)
class QuotaReconcilerConfig {

    @Bean
    ReleaseStaleHoldsService releaseStaleHoldsService(QuotaHolds holds, ReconcilerProperties reconciler,
            WorkerProperties worker, ModelProperties model, UsageProperties usage, Clock clock) {
        Duration longest = JobLife.longest(worker, model, usage);
        if (reconciler.maxAge().compareTo(longest) < 0) {
            throw new IllegalStateException("tenantchat.quotas.reconciler.max-age (" + reconciler.maxAge()
                    + ") is below the longest life of a job (" + longest + "): live holds would be given back");
        }
        return new ReleaseStaleHoldsService(holds, reconciler.maxAge(), clock);
    }
}
