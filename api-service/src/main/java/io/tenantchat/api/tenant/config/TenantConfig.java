package io.tenantchat.api.tenant.config;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.tenantchat.api.audit.application.AuditRecorder;
import io.tenantchat.api.chat.application.ChatAdmission;
import io.tenantchat.api.chat.application.ConversationRetention;
import io.tenantchat.api.chat.domain.RetentionPolicy;
import io.tenantchat.api.identity.AuthProperties;
import io.tenantchat.api.tenant.adapter.in.web.UnknownTenantInterceptor;
import io.tenantchat.api.tenant.adapter.out.redis.RedisPlanChanges;
import io.tenantchat.api.tenant.application.KnownTenants;
import io.tenantchat.api.tenant.application.PlanChanges;
import io.tenantchat.api.tenant.application.QuotaAdmission;
import io.tenantchat.api.tenant.application.QuotaLedger;
import io.tenantchat.api.tenant.application.RefusalHints;
import io.tenantchat.api.tenant.application.SubscriptionService;
import io.tenantchat.api.tenant.application.TenantDirectory;
import io.tenantchat.api.tenant.application.TenantPlans;
import io.tenantchat.api.tenant.application.TenantRetention;
import io.tenantchat.api.tenant.application.TierCatalog;
import io.tenantchat.api.tenant.application.TokenEstimate;
import io.tenantchat.api.tenant.application.TokenGauges;
import io.tenantchat.api.tenant.domain.PlanLimits;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Turns {@code tenantchat.tenants.*} into the tier catalog and builds the tenant use cases. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({TenantProperties.class, PlanCacheProperties.class})
class TenantConfig {

    @Bean
    TierCatalog tierCatalog(TenantProperties tenants) {
        Map<String, PlanLimits> tiers = tenants.tiers().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> limits(e.getValue())));
        return new TierCatalog(tiers, "default-tier".equals(tenants.unknownTenants()) ? tenants.defaultTier() : null);
    }

    /** One instance: plan changes stay in this process. */
    @Bean
    @ConditionalOnProperty(name = "tenantchat.stream.redis.enabled", havingValue = "false", matchIfMissing = true)
    PlanChanges inProcessPlanChanges() {
        return PlanChanges.inProcess();
    }

    /** Several instances (Redis on): every instance hears every plan change. */
    @Bean
    @ConditionalOnProperty(name = "tenantchat.stream.redis.enabled", havingValue = "true")
    RedisPlanChanges redisPlanChanges(RedisConnectionFactory connections) {
        return new RedisPlanChanges(connections);
    }

    @Bean
    TenantPlans tenantPlans(TenantDirectory directory, TierCatalog catalog, Clock clock, PlanCacheProperties cache,
            PlanChanges changes) {
        return new TenantPlans(directory, catalog, clock, cache.ttl(), changes);
    }

    /** Each new message's {@code expires_at}, from the plan and profile the admission just read or found cached. */
    @Bean
    ConversationRetention conversationRetention(TenantPlans plans, RetentionPolicy policy) {
        return new TenantRetention(plans, policy);
    }

    @Bean
    KnownTenants knownTenants(TenantDirectory directory, TierCatalog catalog, Clock clock) {
        return new KnownTenants(directory, catalog, clock);
    }

    /** {@code UNKNOWN_TENANTS=refuse} holds on every tenant endpoint, not only where a plan is read. */
    @Bean
    WebMvcConfigurer unknownTenantGate(KnownTenants known, AuthProperties auth) {
        UnknownTenantInterceptor interceptor = new UnknownTenantInterceptor(known, auth.tenantClaim());
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                interceptor.register(registry);
            }
        };
    }

    @Bean
    RefusalHints refusalHints(TenantProperties tenants) {
        TenantProperties.RefusalHint h = tenants.refusalHint();
        return new RefusalHints(new RefusalHints.Windows(h.enabled(), h.inFlight(), h.longest()));
    }

    /** {@code tenantchat.quota.refusals{answered_by=hint|ledger}}: how many refusals each path answered. */
    @Bean
    MeterBinder refusalHintMetrics(RefusalHints hints) {
        return registry -> {
            FunctionCounter.builder("tenantchat.quota.refusals", hints, RefusalHints::answeredByHint)
                    .tag("answered_by", "hint").register(registry);
            FunctionCounter.builder("tenantchat.quota.refusals", hints, RefusalHints::answeredByLedger)
                    .tag("answered_by", "ledger").register(registry);
        };
    }

    @Bean
    ChatAdmission chatAdmission(TenantPlans plans, QuotaLedger ledger, TenantProperties tenants, Clock clock,
            RefusalHints hints, PlanCacheProperties cache) {
        TenantProperties.Reserve r = tenants.reserve();
        return new QuotaAdmission(plans, ledger, new TokenEstimate(r.maxOutputTokens(), r.charsPerToken(),
                r.historyTokens()), clock, hints, new TokenGauges(ledger, clock, cache.ttl()));
    }

    @Bean
    SubscriptionService subscriptionService(TenantPlans plans, TenantDirectory directory, TierCatalog catalog,
            QuotaLedger ledger, Clock clock, RefusalHints hints, AuditRecorder audit) {
        return new SubscriptionService(plans, directory, catalog, ledger, clock, hints, audit);
    }

    private static PlanLimits limits(TenantProperties.Tier t) {
        return new PlanLimits(t.messagesPerDay(), t.messagesPerMonth(), t.concurrentSessions(), t.monthlyTokens(),
                t.requestsPerSecond(), t.maxInFlight());
    }
}
