package io.tenantchat.api.chat.application;

import io.tenantchat.api.chat.domain.IdempotencyKey;
import io.tenantchat.api.identity.Caller;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A caller's request to send {@code message} in the session named by {@code claimed}; with an
 * {@code idempotencyKey} (may be null) a repeat of the request within the window answers with the original message.
 */
public record SubmitChatMessage(Caller caller, String message, @Nullable TenantContext claimed,
        @Nullable IdempotencyKey idempotencyKey) {

    public SubmitChatMessage {
        Objects.requireNonNull(caller, "caller");
    }

    public SubmitChatMessage(Caller caller, String message, @Nullable TenantContext claimed) {
        this(caller, message, claimed, null);
    }
}
