package io.tenantchat.usage.metering.config;

import io.tenantchat.shared.MetricTenants;
import io.tenantchat.usage.config.MetricsProperties;
import java.util.Set;
import io.tenantchat.usage.metering.application.AuditLog;
import io.tenantchat.usage.metering.application.ReaggregateUsageService;
import io.tenantchat.usage.metering.application.RecordUsageService;
import io.tenantchat.usage.metering.application.UsageHistory;
import io.tenantchat.usage.metering.application.UsageEventPolicy;
import io.tenantchat.usage.metering.application.UsageLedger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the framework-free metering service from its ledger port. */
@Configuration(proxyBeanMethods = false)
class MeteringConfig {

    @Bean
    MetricTenants metricTenants(MetricsProperties metrics) {
        return new MetricTenants(Set.copyOf(metrics.tenants()));
    }

    @Bean
    ReaggregateUsageService reaggregateUsageService(UsageHistory history, UsageProperties settings, AuditLog audit) {
        return new ReaggregateUsageService(history, settings.rollupShards(), audit);
    }

    @Bean
    UsageEventPolicy usageEventPolicy(UsageEventProperties events) {
        return new UsageEventPolicy(new UsageEventPolicy.Limits(events.expectedAccount(), events.expectedRegion(),
                events.maxTokens(), events.maxLatency(), events.maxCostUsd(), events.clockSkew()));
    }

    @Bean
    RecordUsageService recordUsageService(UsageLedger ledger) {
        return new RecordUsageService(ledger);
    }
}
