package io.tenantchat.api.chat.domain;

import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.UserId;

/** Where a message lives: its tenant, session and author. */
public record MessageRef(TenantId tenantId, SessionId sessionId, UserId userId, MessageId messageId) {
}
