package io.tenantchat.api.tenant.application;

import io.tenantchat.api.error.ForbiddenException;
import io.tenantchat.api.tenant.domain.PlanLimits;
import io.tenantchat.api.tenant.domain.TenantPlan;
import io.tenantchat.shared.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * A tenant's plan: its registered one, else the default tier, else a clear refusal; and, read with it, the
 * retention its profile chose ({@link TenantTerms}). Both are kept per api instance for at most {@code ttl}
 * (bounded staleness), and dropped at once when {@link PlanChanges} says a plan or profile changed on any instance;
 * so an admission, and the message's retention after it, read the tenants table only once per tenant and
 * {@code ttl}.
 */
public final class TenantPlans {

    /** Beyond this many cached tenants, expired entries are swept before a new one is added. */
    static final int SWEEP_ABOVE = 10_000;

    private final TenantDirectory directory;
    private final TierCatalog catalog;
    private final Clock clock;
    private final Duration ttl;
    private final PlanChanges changes;
    private final Map<TenantId, Cached> cache = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    /** Without caching: every call reads the directory. */
    public TenantPlans(TenantDirectory directory, TierCatalog catalog) {
        this(directory, catalog, Clock.systemUTC(), Duration.ZERO, PlanChanges.inProcess());
    }

    /**
     * @param ttl how long a plan is used without reading it again (zero: never cached)
     * @param changes where plan changes are announced and heard
     */
    public TenantPlans(TenantDirectory directory, TierCatalog catalog, Clock clock, Duration ttl,
            PlanChanges changes) {
        this.directory = directory;
        this.catalog = catalog;
        this.clock = clock;
        this.ttl = ttl;
        this.changes = changes;
        changes.subscribe(this::forget);
    }

    /** @throws ForbiddenException {@code unknown_tenant} when the tenant is not registered and there is no default */
    public TenantPlan of(TenantId tenantId) {
        return terms(tenantId).plan();
    }

    /**
     * The plan (as {@link #of}) and the profile's retention, from this instance's cache while it lasts.
     *
     * @throws ForbiddenException {@code unknown_tenant} when the tenant is not registered and there is no default
     */
    public Terms terms(TenantId tenantId) {
        Instant now = clock.instant();
        Cached cached = cache.get(tenantId);
        if (cached != null && now.isBefore(cached.until())) {
            return cached.terms();
        }
        long before = generation.get();
        TenantTerms read = directory.terms(tenantId);
        Terms terms = new Terms(read.registered().orElseGet(() -> defaulted(tenantId)), read.retentionDays());
        // a change heard while reading may be newer than what was read: then use it once, but do not keep it
        if (ttl.isPositive() && generation.get() == before) {
            if (cache.size() > SWEEP_ABOVE) {
                cache.values().removeIf(entry -> !now.isBefore(entry.until()));
            }
            cache.put(tenantId, new Cached(terms, now.plus(ttl)));
        }
        return terms;
    }

    /**
     * A plan (or the profile read with it) was saved: this instance forgets it now, every other instance as soon as
     * the news reaches it.
     */
    public void changed(TenantId tenantId) {
        forget(tenantId);
        changes.publish(tenantId);
    }

    private void forget(TenantId tenantId) {
        generation.incrementAndGet();
        cache.remove(tenantId);
    }

    static ForbiddenException unknownTenant() {
        return new ForbiddenException("unknown_tenant", "this tenant is not registered; ask the platform operator");
    }

    private TenantPlan defaulted(TenantId tenantId) {
        String tier = catalog.defaultTier();
        if (tier == null) {
            throw unknownTenant();
        }
        // TierCatalog refuses a default tier it does not define
        PlanLimits limits = Objects.requireNonNull(catalog.tiers().get(tier), "limits of the default tier");
        return new TenantPlan(tenantId, tenantId.value(), tier, limits, null, false);
    }

    /**
     * A tenant's plan and its profile's retention.
     *
     * @param retentionDays the profile's {@code retention_days} (0: kept forever), or null when it chose none
     */
    public record Terms(TenantPlan plan, @Nullable Integer retentionDays) {
    }

    private record Cached(Terms terms, Instant until) {
    }
}
