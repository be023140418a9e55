package io.tenantchat.shared.stream;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import java.util.Objects;

/** The reply is stored: its whole text, the model and the token usage. */
public record ReplyCompleted(
        @JsonProperty("tenant_id") TenantId tenantId,
        @JsonProperty("session_id") SessionId sessionId,
        @JsonProperty("message_id") MessageId messageId,
        @JsonProperty("content") String content,
        @JsonProperty("model_id") String modelId,
        @JsonProperty("usage") ReplyUsage usage) implements StreamEvent {

    public ReplyCompleted {
        StreamChecks.requireIds(tenantId, sessionId, messageId);
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(modelId, "model_id");
        Objects.requireNonNull(usage, "usage");
    }
}
