package io.tenantchat.api.config;

import io.tenantchat.api.chat.application.ChatAdmission;
import io.tenantchat.api.tenant.application.QuotaAdmission;
import io.tenantchat.api.tenant.application.QuotaLedger;
import io.tenantchat.api.tenant.application.SubscriptionService;
import io.tenantchat.api.tenant.application.TenantDirectory;
import io.tenantchat.api.tenant.application.TenantPlans;
import io.tenantchat.api.tenant.application.TierCatalog;
import io.tenantchat.api.tenant.application.TokenEstimate;
import io.tenantchat.api.tenant.domain.PlanLimits;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Turns {@code tenantchat.tenants.*} into the tier catalog and builds the tenant use cases. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TenantProperties.class)
class TenantConfig {

    @Bean
    TierCatalog tierCatalog(TenantProperties tenants) {
        Map<String, PlanLimits> tiers = tenants.tiers().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> limits(e.getValue())));
        return new TierCatalog(tiers, "default-tier".equals(tenants.unknownTenants()) ? tenants.defaultTier() : null);
    }

    @Bean
    TenantPlans tenantPlans(TenantDirectory directory, TierCatalog catalog) {
        return new TenantPlans(directory, catalog);
    }

    @Bean
    ChatAdmission chatAdmission(TenantPlans plans, QuotaLedger ledger, TenantProperties tenants, Clock clock) {
        TenantProperties.Reserve r = tenants.reserve();
        return new QuotaAdmission(plans, ledger, new TokenEstimate(r.maxOutputTokens(), r.charsPerToken(),
                r.historyTokens()), clock);
    }

    @Bean
    SubscriptionService subscriptionService(TenantPlans plans, TenantDirectory directory, TierCatalog catalog,
            QuotaLedger ledger, Clock clock) {
        return new SubscriptionService(plans, directory, catalog, ledger, clock);
    }

    private static PlanLimits limits(TenantProperties.Tier t) {
        return new PlanLimits(t.messagesPerDay(), t.messagesPerMonth(), t.concurrentSessions(), t.monthlyTokens(),
                t.requestsPerSecond(), t.maxInFlight());
    }
}
