package io.tenantchat.shared;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Objects;

/**
 * The job that api-service puts on {@code chat-requests.fifo} once a user message is stored: "generate the
 * reply to this message". The message group id is tenant-scoped and the deduplication id is the message id.
 */
public record ChatRequested(
        @JsonProperty("message_id") MessageId messageId,
        @JsonProperty("tenant_id") TenantId tenantId,
        @JsonProperty("user_id") UserId userId,
        @JsonProperty("session_id") SessionId sessionId,
        @JsonProperty("requested_at") Instant requestedAt) {

    public ChatRequested {
        Objects.requireNonNull(messageId, "message_id");
        Objects.requireNonNull(tenantId, "tenant_id");
        Objects.requireNonNull(userId, "user_id");
        Objects.requireNonNull(sessionId, "session_id");
        Objects.requireNonNull(requestedAt, "requested_at");
    }

    /** FIFO message group: one conversation is strictly ordered, conversations run in parallel. */
    public String messageGroupId() {
        return messageGroupId(MessageGrouping.SESSION);
    }

    /** FIFO message group for {@code grouping}: always tenant-scoped. */
    public String messageGroupId(MessageGrouping grouping) {
        return switch (grouping) {
            case SESSION -> tenantId.value() + "#" + sessionId.value();
            case TENANT -> tenantId.value();
        };
    }

    /** FIFO deduplication id: the message id, so a resend of the same job is dropped by SQS. */
    public String deduplicationId() {
        return messageId.value();
    }

    /**
     * FIFO deduplication id for this job sent again after its message was requeued (a user's retry or an operator's
     * replay): the first send's id may still be inside the queue's deduplication window.
     */
    public String requeueDeduplicationId(Instant requeuedAt) {
        return messageId.value() + "#requeue-" + requeuedAt.toEpochMilli();
    }
}
