package io.tenantchat.api.operations.domain;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A dead letter as an operator sees it: whose it is, when it failed, and for a chat job the state of its message
 * (status, model attempts, the error written for people). Never the message text.
 *
 * @param status null when the message could not be found (or for a usage event)
 */
public record DeadLetterView(String sqsMessageId, @Nullable String groupId, Instant sentAt, int receiveCount,
        @Nullable DeadLetterKey key, @Nullable String status, @Nullable Integer attempts, @Nullable String errorCode,
        @Nullable String errorMessage) {
}
