package io.tenantchat.shared.stream;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;

/**
 * The reply starts over from here: text of earlier attempts (or of this attempt before {@code seq}) is void and
 * must not be shown. Sent when a retry or a takeover begins, or when the model restarted its stream.
 */
public record ReplyRestarted(
        @JsonProperty("tenant_id") TenantId tenantId,
        @JsonProperty("session_id") SessionId sessionId,
        @JsonProperty("message_id") MessageId messageId,
        @JsonProperty("attempt") int attempt,
        @JsonProperty("seq") long seq) implements StreamEvent {

    public ReplyRestarted {
        StreamChecks.requireIds(tenantId, sessionId, messageId);
        StreamChecks.requirePosition(attempt, seq, 0);
    }
}
