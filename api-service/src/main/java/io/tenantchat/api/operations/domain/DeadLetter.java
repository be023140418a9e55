package io.tenantchat.api.operations.domain;

import io.tenantchat.shared.ChatRequested;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One message received from a dead-letter queue, with what could be read from its body.
 *
 * @param handle the receipt handle that deletes it or makes it visible again
 * @param groupId its FIFO message group (null on a standard queue)
 * @param sentAt when it reached the dead-letter queue
 * @param receiveCount how often it has been received from the dead-letter queue (peeks and replays included)
 * @param key what it is about, or null for a body that could not be read (a poison message)
 * @param job the chat job (chat-requests only; null otherwise or when unreadable)
 * @param attributes its string message attributes (tenant, trace context), sent on with the body
 */
public record DeadLetter(String sqsMessageId, String handle, @Nullable String groupId, Instant sentAt,
        int receiveCount, String body, @Nullable DeadLetterKey key, @Nullable ChatRequested job,
        Map<String, String> attributes) {

    public DeadLetter {
        Objects.requireNonNull(sqsMessageId, "sqsMessageId");
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(sentAt, "sentAt");
        Objects.requireNonNull(body, "body");
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    public boolean readable() {
        return key != null;
    }
}
