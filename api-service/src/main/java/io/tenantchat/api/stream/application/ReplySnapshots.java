package io.tenantchat.api.stream.application;

import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.stream.ReplySnapshot;
import java.util.Optional;

/** Out-port: the text a reply in progress has so far, as the worker last recorded it. */
public interface ReplySnapshots {

    Optional<ReplySnapshot> find(TenantId tenantId, SessionId sessionId, MessageId messageId);
}
