package io.tenantchat.shared;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The job that api-service puts on {@code chat-requests.fifo} once a user message is stored: "generate the
 * reply to this message". The message group id is tenant-scoped and the deduplication id is the message id.
 *
 * <p>{@code content}, {@code attempt} and {@code hold} let the worker start without reading the message and give
 * back the quota hold without reading it (issue 19/20: the job carries what the worker needs). They are absent from
 * jobs sent before they existed; a worker then reads the message and the hold as before. {@code given} is the
 * conversation of an OpenAI-compatible request ({@link GivenConversation}), absent for chat messages.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatRequested(
        @JsonProperty("message_id") MessageId messageId,
        @JsonProperty("tenant_id") TenantId tenantId,
        @JsonProperty("user_id") UserId userId,
        @JsonProperty("session_id") SessionId sessionId,
        @JsonProperty("requested_at") Instant requestedAt,
        @JsonProperty("content") @Nullable String content,
        @JsonProperty("attempt") @Nullable Integer attempt,
        @JsonProperty("hold") @Nullable JobHold hold,
        @JsonProperty("given") @Nullable GivenConversation given) {

    /** A job without the message's content, attempt and hold: the worker reads them. */
    public ChatRequested(MessageId messageId, TenantId tenantId, UserId userId, SessionId sessionId,
            Instant requestedAt) {
        this(messageId, tenantId, userId, sessionId, requestedAt, null, null, null, null);
    }

    /** A job of a chat message (no given conversation: the worker reads the session's history). */
    public ChatRequested(MessageId messageId, TenantId tenantId, UserId userId, SessionId sessionId,
            Instant requestedAt, @Nullable String content, @Nullable Integer attempt, @Nullable JobHold hold) {
        this(messageId, tenantId, userId, sessionId, requestedAt, content, attempt, hold, null);
    }

    public ChatRequested {
        Objects.requireNonNull(messageId, "message_id");
        Objects.requireNonNull(tenantId, "tenant_id");
        Objects.requireNonNull(userId, "user_id");
        Objects.requireNonNull(sessionId, "session_id");
        Objects.requireNonNull(requestedAt, "requested_at");
        if (attempt != null && attempt < 1) {
            throw new IllegalArgumentException("attempt must be at least 1");
        }
    }

    /** This job with the message's content, attempt and quota hold, so the worker need not read them. */
    public ChatRequested carrying(String content, int attempt, JobHold hold) {
        return new ChatRequested(messageId, tenantId, userId, sessionId, requestedAt, content, attempt, hold, given);
    }

    /**
     * This job answering {@code conversation} exactly as given ({@code POST /v1/chat/completions}): the worker sends
     * those messages and reads no history.
     */
    public ChatRequested answering(@Nullable GivenConversation conversation) {
        return new ChatRequested(messageId, tenantId, userId, sessionId, requestedAt, content, attempt, hold,
                conversation);
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
