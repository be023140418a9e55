package io.tenantchat.api.session.application;

import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;

/** Removes every message of one conversation of a tenant. Idempotent: erasing an erased conversation does nothing. */
public interface ConversationEraser {

    void erase(TenantId tenantId, SessionId sessionId);
}
