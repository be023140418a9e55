package io.tenantchat.api.chat.adapter.in.web;

import org.jspecify.annotations.Nullable;

/**
 * The seed's request body: {@code {"message": "...", "tenant_context": {...}}}, and optionally
 * {@code parent_message_id}: the turn the message follows (an edit: a new branch from that point).
 */
record ChatRequestBody(String message, TenantContextBody tenantContext, @Nullable String parentMessageId) {

    record TenantContextBody(String tenantId, String userId, String sessionId) {
    }
}
