package io.tenantchat.api.tenant.application;

import io.tenantchat.api.chat.application.ConversationRetention;
import io.tenantchat.api.chat.domain.RetentionPolicy;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.table.Retention;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Each tenant's retention from what {@link TenantPlans} holds for it: the profile's choice, else its tier's default,
 * else the deployment's ({@link RetentionPolicy}). A message's admission has just read (or found cached) the same
 * plan, so answering costs no read; a profile saved since is heard through {@link PlanChanges} and applies from the
 * next message on.
 */
public final class TenantRetention implements ConversationRetention {

    private final TenantPlans plans;
    private final RetentionPolicy policy;

    public TenantRetention(TenantPlans plans, RetentionPolicy policy) {
        this.plans = plans;
        this.policy = policy;
    }

    @Override
    public @Nullable Long expiresAt(TenantId tenantId, Instant at) {
        return Retention.expiresAt(at, days(tenantId));
    }

    /** The days that apply to {@code tenantId} now (0: kept forever). */
    public int days(TenantId tenantId) {
        TenantPlans.Terms terms = plans.terms(tenantId);
        return policy.days(terms.plan().tier(), terms.retentionDays());
    }
}
