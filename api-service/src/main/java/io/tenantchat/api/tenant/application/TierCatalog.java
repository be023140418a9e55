package io.tenantchat.api.tenant.application;

import io.tenantchat.api.tenant.domain.PlanLimits;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The tiers a plan can start from, and what a valid token of a tenant that is not registered gets.
 *
 * @param defaultTier the tier of unregistered tenants, or null to refuse them with 403 {@code unknown_tenant}
 */
public record TierCatalog(Map<String, PlanLimits> tiers, @Nullable String defaultTier) {

    public TierCatalog {
        tiers = Map.copyOf(tiers);
        if (defaultTier != null && !tiers.containsKey(defaultTier)) {
            throw new IllegalArgumentException("the default tier " + defaultTier + " is not defined");
        }
    }

    public Optional<PlanLimits> tier(String name) {
        return Optional.ofNullable(tiers.get(Objects.requireNonNull(name)));
    }
}
