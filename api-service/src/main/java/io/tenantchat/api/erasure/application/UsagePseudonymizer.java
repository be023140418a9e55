package io.tenantchat.api.erasure.application;

import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.UserId;
import java.util.Optional;

/**
 * Rewrites a tenant's usage records (raw usage rows and per-user rollup items) so that they name a pseudonym
 * ({@link io.tenantchat.api.erasure.domain.Pseudonyms}) instead of a user: of one user, or of every user of the
 * tenant when {@code user} is empty (off-boarding). Totals (per tenant, per model, per bucket) are unchanged; a
 * per-user rollup item moves to the pseudonym's item, adding to it if one exists. Idempotent and safe to rerun after
 * a crash half-way: records that already name a pseudonym are left alone. Only the given tenant's keys are touched.
 */
public interface UsagePseudonymizer {

    UsageRewrite pseudonymize(TenantId tenantId, Optional<UserId> user);

    /** What one pass changed: raw usage rows rewritten, rollup items moved to a pseudonym's item. */
    record UsageRewrite(long usageRows, long rollupItems) {
    }
}
