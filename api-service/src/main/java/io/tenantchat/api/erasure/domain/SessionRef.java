package io.tenantchat.api.erasure.domain;

import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.UserId;

/** A session found for erasure: its tenant, owner and id. */
public record SessionRef(TenantId tenantId, UserId userId, SessionId sessionId) {
}
