package io.tenantchat.api.chat.application;

/**
 * The seed's {@code tenant_context} as the client sent it. Never trusted: tenant and user must equal the
 * token's; the session must be the caller's.
 */
public record TenantContext(String tenantId, String userId, String sessionId) {
}
