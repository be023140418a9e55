package io.tenantchat.api.tenant.adapter.in.web;

/** {@code PUT /api/admin/tenants/{tenant_id}}: name, tier, and limits that differ from the tier's (optional). */
record TenantRequestBody(String name, String tier, String modelOverride, LimitsBody limits) {
}
