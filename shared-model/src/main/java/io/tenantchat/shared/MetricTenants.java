package io.tenantchat.shared;

import java.util.Set;

/**
 * The tenant tag of metrics with bounded cardinality: tenants named in the configured allow-list
 * ({@code tenantchat.metrics.tenants}) are tagged by id, every other tenant as {@code other}.
 */
public record MetricTenants(Set<String> named) {

    public static final String OTHER = "other";
    public static final String TAG = "tenant";

    public MetricTenants {
        named = named == null ? Set.of() : Set.copyOf(named);
    }

    public String tagOf(TenantId tenantId) {
        return tenantId != null && named.contains(tenantId.value()) ? tenantId.value() : OTHER;
    }
}
