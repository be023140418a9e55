package io.tenantchat.worker.reply.domain;

import io.tenantchat.shared.MessageId;
import java.util.Objects;

/**
 * An earlier message of the conversation. An assistant message carries the id of the user message it answers,
 * which is how a user message is paired with its reply.
 */
public record StoredMessage(MessageId messageId, Role role, String content) {

    public StoredMessage {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
    }
}
