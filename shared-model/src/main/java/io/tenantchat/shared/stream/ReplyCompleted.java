package io.tenantchat.shared.stream;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The reply is stored: its whole text, the model and the token usage; {@code stop_reason} is
 * {@code guardrail_intervened} when a guardrail withheld it (the content is then a neutral sentence), else absent.
 */
public record ReplyCompleted(
        @JsonProperty("tenant_id") TenantId tenantId,
        @JsonProperty("session_id") SessionId sessionId,
        @JsonProperty("message_id") MessageId messageId,
        @JsonProperty("content") String content,
        @JsonProperty("model_id") String modelId,
        @JsonProperty("usage") ReplyUsage usage,
        @JsonProperty("stop_reason") @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String stopReason)
        implements StreamEvent {

    /** A reply that ended as models end (no guardrail intervened). */
    public ReplyCompleted(TenantId tenantId, SessionId sessionId, MessageId messageId, String content, String modelId,
            ReplyUsage usage) {
        this(tenantId, sessionId, messageId, content, modelId, usage, null);
    }

    public ReplyCompleted {
        StreamChecks.requireIds(tenantId, sessionId, messageId);
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(modelId, "model_id");
        Objects.requireNonNull(usage, "usage");
    }
}
