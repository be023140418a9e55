package io.tenantchat.api.apikey.adapter.in.web;

import java.util.List;

/** {@code GET /api/tenants/{tenant_id}/api-keys}. */
record ApiKeyListResponse(String tenantId, List<ApiKeyResponse> apiKeys) {
}
