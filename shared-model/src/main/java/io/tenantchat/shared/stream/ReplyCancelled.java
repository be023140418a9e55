package io.tenantchat.shared.stream;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Its author stopped the reply: {@code content} is the text generated until the model stream was closed (replace
 * the partial text with it; empty when the message was cancelled while still queued), {@code model_id} and
 * {@code usage} what was metered for it (both null when no model was called). Terminal, like {@link ReplyCompleted}.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ReplyCancelled(
        @JsonProperty("tenant_id") TenantId tenantId,
        @JsonProperty("session_id") SessionId sessionId,
        @JsonProperty("message_id") MessageId messageId,
        @JsonProperty("content") String content,
        @JsonProperty("model_id") @Nullable String modelId,
        @JsonProperty("usage") @Nullable ReplyUsage usage) implements StreamEvent {

    public ReplyCancelled {
        StreamChecks.requireIds(tenantId, sessionId, messageId);
        Objects.requireNonNull(content, "content");
    }
}
