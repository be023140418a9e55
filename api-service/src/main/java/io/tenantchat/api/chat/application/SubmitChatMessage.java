package io.tenantchat.api.chat.application;

import io.tenantchat.api.identity.Caller;
import java.util.Objects;

/** A caller's request to send {@code message} in the session named by {@code claimed}. */
public record SubmitChatMessage(Caller caller, String message, TenantContext claimed) {

    public SubmitChatMessage {
        Objects.requireNonNull(caller, "caller");
    }
}
