package io.tenantchat.api.support;

import io.tenantchat.api.tenant.application.TierCatalog;
import io.tenantchat.api.tenant.domain.PlanLimits;
import java.util.Map;

/** The seed's tiers as application.yml defines them, for tests without Spring. */
public final class Tiers {

    public static final PlanLimits BASIC = new PlanLimits(50, 1_000, 1, 200_000, 1, 2);
    public static final PlanLimits PREMIUM = new PlanLimits(1_000, 25_000, 10, 20_000_000, 20, 50);
    public static final PlanLimits OPEN = new PlanLimits(1_000_000, 10_000_000, 100_000, 1_000_000_000_000L, 100_000,
            100_000);

    private Tiers() {
    }

    /** basic, premium and open; unregistered tenants get open. */
    public static TierCatalog catalog() {
        return new TierCatalog(Map.of("basic", BASIC, "premium", PREMIUM, "open", OPEN), "open");
    }

    /** The same tiers; unregistered tenants are refused. */
    public static TierCatalog refusingUnknown() {
        return new TierCatalog(Map.of("basic", BASIC, "premium", PREMIUM, "open", OPEN), null);
    }
}
