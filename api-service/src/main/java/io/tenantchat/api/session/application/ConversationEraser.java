package io.tenantchat.api.session.application;

import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import java.util.List;

/** Removes every message of one conversation of a tenant. Idempotent: erasing an erased conversation does nothing. */
public interface ConversationEraser {

    /** @return the erased user messages that had not ended (queued or processing): their quota holds are still held */
    List<MessageId> erase(TenantId tenantId, SessionId sessionId);
}
