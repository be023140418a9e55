package io.tenantchat.api.apikey.adapter.in.web;

import java.time.Instant;

/** {@code POST /api/tenants/{tenant_id}/api-keys}: a label, optionally the principal and an expiry. */
record CreateApiKeyBody(String label, String principal, Instant expiresAt) {
}
