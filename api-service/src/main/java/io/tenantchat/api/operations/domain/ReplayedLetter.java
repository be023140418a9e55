package io.tenantchat.api.operations.domain;

import org.jspecify.annotations.Nullable;

/** One dead letter's outcome; {@code key} is null for an unreadable one. {@code reason} is for people. */
public record ReplayedLetter(String sqsMessageId, @Nullable DeadLetterKey key, ReplayOutcome outcome, String reason) {
}
