package io.tenantchat.api.chat.application;

import io.tenantchat.api.chat.domain.IdempotencyKey;
import io.tenantchat.api.identity.Caller;
import io.tenantchat.shared.GivenConversation;
import io.tenantchat.shared.MessageId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A caller's request to send {@code message} in the session named by {@code claimed}; with an
 * {@code idempotencyKey} (may be null) a repeat of the request within the window answers with the original message.
 * With {@code parent} (may be null: after the active path's last turn) the message follows that turn: a new branch.
 * With {@code given} (an OpenAI-compatible request) the given messages are the conversation: {@code message} is their
 * last user text, and the quotas are sized by all of them.
 */
public record SubmitChatMessage(Caller caller, String message, @Nullable TenantContext claimed,
        @Nullable IdempotencyKey idempotencyKey, @Nullable MessageId parent, @Nullable GivenConversation given) {

    public SubmitChatMessage {
        Objects.requireNonNull(caller, "caller");
    }

    public SubmitChatMessage(Caller caller, String message, @Nullable TenantContext claimed,
            @Nullable IdempotencyKey idempotencyKey, @Nullable MessageId parent) {
        this(caller, message, claimed, idempotencyKey, parent, null);
    }

    public SubmitChatMessage(Caller caller, String message, @Nullable TenantContext claimed,
            @Nullable IdempotencyKey idempotencyKey) {
        this(caller, message, claimed, idempotencyKey, null, null);
    }

    /** Characters the quotas are sized by: the message, or every given message. */
    int chars() {
        return given == null ? message.length() : given.chars();
    }

    public SubmitChatMessage(Caller caller, String message, @Nullable TenantContext claimed) {
        this(caller, message, claimed, null, null, null);
    }
}
