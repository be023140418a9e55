package io.tenantchat.shared.stream;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import java.util.Objects;

/** There will be no reply; {@code error} says why in words for people. */
public record ReplyFailed(
        @JsonProperty("tenant_id") TenantId tenantId,
        @JsonProperty("session_id") SessionId sessionId,
        @JsonProperty("message_id") MessageId messageId,
        @JsonProperty("error") ReplyError error) implements StreamEvent {

    public ReplyFailed {
        StreamChecks.requireIds(tenantId, sessionId, messageId);
        Objects.requireNonNull(error, "error");
    }
}
