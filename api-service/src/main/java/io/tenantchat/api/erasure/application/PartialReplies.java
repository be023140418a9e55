package io.tenantchat.api.erasure.application;

import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import java.util.List;

/** Out-port: the partial reply snapshots kept in Redis for replies in progress. */
public interface PartialReplies {

    /** Without Redis there are none. */
    PartialReplies NONE = (tenantId, sessionId, messages) -> 0;

    /** @return the snapshot keys deleted */
    long delete(TenantId tenantId, SessionId sessionId, List<MessageId> messages);
}
