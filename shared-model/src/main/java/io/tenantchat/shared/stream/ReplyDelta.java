package io.tenantchat.shared.stream;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import java.util.Objects;

/** The next piece of reply text of attempt {@code attempt}; {@code seq} starts at 1 in every attempt. */
public record ReplyDelta(
        @JsonProperty("tenant_id") TenantId tenantId,
        @JsonProperty("session_id") SessionId sessionId,
        @JsonProperty("message_id") MessageId messageId,
        @JsonProperty("attempt") int attempt,
        @JsonProperty("seq") long seq,
        @JsonProperty("text") String text) implements StreamEvent {

    public ReplyDelta {
        StreamChecks.requireIds(tenantId, sessionId, messageId);
        StreamChecks.requirePosition(attempt, seq, 1);
        Objects.requireNonNull(text, "text");
    }
}
