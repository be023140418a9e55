package io.tenantchat.api.chat.application;

import org.jspecify.annotations.Nullable;

/**
 * The seed's {@code tenant_context} as the client sent it. Never trusted: tenant and user must equal the
 * token's; the session must be the caller's.
 */
public record TenantContext(@Nullable String tenantId, @Nullable String userId, @Nullable String sessionId) {
}
