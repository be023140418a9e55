package io.tenantchat.api.chat.domain;

import java.util.Objects;

/** Why a message failed, in words the user may read. */
public record MessageError(String code, String message) {

    public MessageError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
