package io.tenantchat.api.chat.application;

import io.tenantchat.api.chat.domain.IdempotencyKey;
import io.tenantchat.api.identity.Caller;
import io.tenantchat.shared.MessageId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A caller's request to send {@code message} in the session named by {@code claimed}; with an
 * {@code idempotencyKey} (may be null) a repeat of the request within the window answers with the original message.
 * With {@code parent} (may be null: after the active path's last turn) the message follows that turn: a new branch.
 */
public record SubmitChatMessage(Caller caller, String message, @Nullable TenantContext claimed,
        @Nullable IdempotencyKey idempotencyKey, @Nullable MessageId parent) {

    public SubmitChatMessage {
        Objects.requireNonNull(caller, "caller");
    }

    public SubmitChatMessage(Caller caller, String message, @Nullable TenantContext claimed,
            @Nullable IdempotencyKey idempotencyKey) {
        this(caller, message, claimed, idempotencyKey, null);
    }

    public SubmitChatMessage(Caller caller, String message, @Nullable TenantContext claimed) {
        this(caller, message, claimed, null, null);
    }
}
