package io.tenantchat.api.chat.adapter.in.web;

/** The seed's request body: {@code {"message": "...", "tenant_context": {...}}}. */
record ChatRequestBody(String message, TenantContextBody tenantContext) {

    record TenantContextBody(String tenantId, String userId, String sessionId) {
    }
}
