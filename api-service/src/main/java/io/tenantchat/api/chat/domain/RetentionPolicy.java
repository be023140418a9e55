package io.tenantchat.api.chat.domain;

import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How many days a tenant's conversations are kept: the tenant's own choice (its profile's {@code retention_days})
 * if it made one, else its tier's default, else the deployment's default. 0 keeps them forever, at every level: a
 * tenant's 0 keeps its conversations even where its tier or the deployment expires them.
 *
 * @param defaultDays the deployment's default ({@code RETENTION_DAYS})
 * @param tierDays the default of each tier that has its own (tiers left out use {@code defaultDays})
 */
public record RetentionPolicy(int defaultDays, Map<String, Integer> tierDays) {

    /** Kept forever, whatever the tier, unless a tenant chooses otherwise. */
    public static final RetentionPolicy FOREVER = new RetentionPolicy(0, Map.of());

    public RetentionPolicy {
        tierDays = Map.copyOf(Objects.requireNonNull(tierDays, "tierDays"));
        if (defaultDays < 0 || tierDays.values().stream().anyMatch(days -> days < 0)) {
            throw new IllegalArgumentException("retention days are never negative");
        }
    }

    /**
     * The days that apply to a tenant on {@code tier} whose profile chose {@code tenantDays} (null: no choice).
     * 0 means kept forever.
     */
    public int days(String tier, @Nullable Integer tenantDays) {
        if (tenantDays != null) {
            return tenantDays;
        }
        return tierDays.getOrDefault(tier, defaultDays);
    }
}
