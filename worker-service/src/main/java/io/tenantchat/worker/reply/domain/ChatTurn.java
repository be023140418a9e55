package io.tenantchat.worker.reply.domain;

import java.util.Objects;

/** One turn of a conversation as the model sees it. */
public record ChatTurn(Role role, String text) {

    public ChatTurn {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(text, "text");
    }

    public static ChatTurn user(String text) {
        return new ChatTurn(Role.USER, text);
    }

    public static ChatTurn assistant(String text) {
        return new ChatTurn(Role.ASSISTANT, text);
    }
}
