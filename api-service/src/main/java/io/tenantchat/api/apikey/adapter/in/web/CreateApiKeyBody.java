package io.tenantchat.api.apikey.adapter.in.web;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** {@code POST /api/tenants/{tenant_id}/api-keys}: a label, optionally the principal and an expiry. */
record CreateApiKeyBody(@Nullable String label, @Nullable String principal, @Nullable Instant expiresAt) {
}
