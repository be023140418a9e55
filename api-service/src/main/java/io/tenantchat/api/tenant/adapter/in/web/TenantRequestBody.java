package io.tenantchat.api.tenant.adapter.in.web;

import org.jspecify.annotations.Nullable;

/** {@code PUT /api/admin/tenants/{tenant_id}}: name, tier, and limits that differ from the tier's (optional). */
record TenantRequestBody(@Nullable String name, @Nullable String tier, @Nullable String modelOverride,
        @Nullable LimitsBody limits) {
}
