package io.tenantchat.shared.stream;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;

/**
 * The message was already finished when a job for it arrived again (a redelivery after a worker died between
 * storing the outcome and publishing it, or a replayed job): its {@link ReplyCompleted} or {@link ReplyFailed} may
 * never have been published. Not a client frame: a subscriber re-reads the stored message once and sends what it has
 * not sent yet, so the terminal event reaches every client exactly once however the worker died.
 */
public record ReplySettled(
        @JsonProperty("tenant_id") TenantId tenantId,
        @JsonProperty("session_id") SessionId sessionId,
        @JsonProperty("message_id") MessageId messageId) implements StreamEvent {

    public ReplySettled {
        StreamChecks.requireIds(tenantId, sessionId, messageId);
    }
}
