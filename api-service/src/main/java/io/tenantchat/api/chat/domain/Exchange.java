package io.tenantchat.api.chat.domain;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** One user message with its reply, once there is one. */
public record Exchange(ChatMessage message, @Nullable Reply replyOrNull) {

    public Exchange {
        Objects.requireNonNull(message, "message");
    }

    public Optional<Reply> reply() {
        return Optional.ofNullable(replyOrNull);
    }
}
