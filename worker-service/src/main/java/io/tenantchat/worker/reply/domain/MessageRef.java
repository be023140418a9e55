package io.tenantchat.worker.reply.domain;

import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import java.util.Objects;

/** Identifies a user message: the tenant and session it belongs to and its own id. */
public record MessageRef(TenantId tenantId, SessionId sessionId, MessageId messageId) {

    public MessageRef {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(messageId, "messageId");
    }
}
