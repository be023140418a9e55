package io.tenantchat.shared.stream;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/** Why a reply failed: a stable code and a reason for people (as stored in {@code error_code}/{@code error_message}). */
public record ReplyError(@JsonProperty("code") String code, @JsonProperty("message") String message) {

    public ReplyError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
