package io.tenantchat.api.tenant.application;

import io.tenantchat.api.audit.application.AuditRecorder;
import io.tenantchat.api.error.ForbiddenException;
import io.tenantchat.api.error.InvalidRequestException;
import io.tenantchat.api.identity.Caller;
import io.tenantchat.api.tenant.domain.PlanLimits;
import io.tenantchat.api.tenant.domain.QuotaPeriods;
import io.tenantchat.api.tenant.domain.QuotaUsage;
import io.tenantchat.api.tenant.domain.TenantPlan;
import io.tenantchat.shared.TenantId;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Shows a tenant its subscription and lets platform operators register tenants. */
public final class SubscriptionService implements ViewSubscriptionUseCase, ManageTenantsUseCase {

    private static final int MAX_NAME = 200;

    private final TenantPlans plans;
    private final TenantDirectory directory;
    private final TierCatalog catalog;
    private final QuotaLedger ledger;
    private final Clock clock;
    private final RefusalHints hints;
    private final AuditRecorder audit;

    public SubscriptionService(TenantPlans plans, TenantDirectory directory, TierCatalog catalog, QuotaLedger ledger,
            Clock clock, AuditRecorder audit) {
        this(plans, directory, catalog, ledger, clock, RefusalHints.disabled(), audit);
    }

    /**
     * @param hints this instance's refusal hints, dropped for a tenant whose plan changes
     * @param audit where each plan change is recorded, in the plan's own write
     */
    public SubscriptionService(TenantPlans plans, TenantDirectory directory, TierCatalog catalog, QuotaLedger ledger,
            Clock clock, RefusalHints hints, AuditRecorder audit) {
        this.hints = hints;
        this.audit = audit;
        this.plans = plans;
        this.directory = directory;
        this.catalog = catalog;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Override
    public Subscription subscription(Caller caller, String tenantId) {
        TenantId tenant = tenantId(tenantId);
        if (!tenant.equals(caller.tenantId()) && !caller.isPlatformOperator()) {
            throw new ForbiddenException("tenant_mismatch", "the subscription of another tenant is not visible to this token");
        }
        TenantPlan plan = plans.of(tenant);
        QuotaUsage usage = ledger.usage(tenant, new QuotaPeriods(clock.instant()));
        return new Subscription(plan, usage, usage.status(plan.limits()));
    }

    @Override
    public TenantPlan put(Caller caller, PutTenant command) {
        if (!caller.isPlatformOperator()) {
            throw new ForbiddenException("platform_operator_required", "only a platform operator may manage tenants");
        }
        TenantId tenant = tenantId(command.tenantId());
        String tierName = command.tier();
        if (tierName == null) {
            throw new InvalidRequestException("tier_required", "tier is required");
        }
        PlanLimits tier = catalog.tier(tierName).orElseThrow(() -> new InvalidRequestException("unknown_tier",
                "tier must be one of " + catalog.tiers().keySet()));
        String name = command.name();
        if (name != null && (name.isBlank() || name.length() > MAX_NAME)) {
            throw new InvalidRequestException("invalid_name", "name must be 1 to " + MAX_NAME + " characters");
        }
        TenantPlan plan = new TenantPlan(tenant, name == null ? tenant.value() : name, tierName,
                limits(tier, command), blankToNull(command.modelOverride()), true);
        Map<String, String> before = directory.find(tenant).map(SubscriptionService::attributes).orElse(Map.of());
        audit.record(audit.event(caller, tenant, "plan.changed", "plan", before, attributes(plan)),
                entry -> directory.save(plan, entry));
        plans.changed(tenant);
        hints.forget(tenant);
        return plan;
    }

    /** A plan as an audit entry records it. */
    static Map<String, String> attributes(TenantPlan plan) {
        PlanLimits l = plan.limits();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", plan.name());
        values.put("tier", plan.tier());
        values.put("messages_per_day", Integer.toString(l.messagesPerDay()));
        values.put("messages_per_month", Integer.toString(l.messagesPerMonth()));
        values.put("concurrent_sessions", Integer.toString(l.concurrentSessions()));
        values.put("monthly_tokens", Long.toString(l.monthlyTokens()));
        values.put("requests_per_second", Integer.toString(l.requestsPerSecond()));
        values.put("max_in_flight", Integer.toString(l.maxInFlight()));
        if (plan.modelOverride() != null) {
            values.put("model_override", plan.modelOverride());
        }
        return values;
    }

    private static PlanLimits limits(PlanLimits tier, PutTenant c) {
        try {
            return tier.with(c.messagesPerDay(), c.messagesPerMonth(), c.concurrentSessions(), c.monthlyTokens(),
                    c.requestsPerSecond(), c.maxInFlight());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("invalid_limits", "every limit must be a positive number");
        }
    }

    private static TenantId tenantId(@Nullable String value) {
        if (!TenantId.isValid(value)) {
            throw new InvalidRequestException("invalid_tenant_id", "not a tenant id");
        }
        return TenantId.of(value);
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
