package io.tenantchat.api.chat.application;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits of the chat use cases and endpoints.
 *
 * @param maxMessageChars longest user message accepted ({@code tenantchat.chat.max-message-chars})
 * @param idempotencyWindow how long an {@code Idempotency-Key} keeps answering with its original message
 * @param maxWait longest long poll of a message
 * @param pollInterval how often a long poll re-reads the message
 * @param maxLongPollsPerUser how many long polls one user may hold open at once on one api instance
 */
public record ChatLimits(int maxMessageChars, Duration idempotencyWindow, Duration maxWait, Duration pollInterval,
        int maxLongPollsPerUser) {

    public static final int DEFAULT_MAX_MESSAGE_CHARS = 32_000;
    public static final int DEFAULT_MAX_LONG_POLLS_PER_USER = 4;

    public ChatLimits {
        if (maxMessageChars < 1) {
            throw new IllegalArgumentException("maxMessageChars must be positive");
        }
        Objects.requireNonNull(idempotencyWindow, "idempotencyWindow");
        if (maxWait.isNegative() || pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("maxWait must not be negative and pollInterval must be positive");
        }
        if (maxLongPollsPerUser < 1) {
            throw new IllegalArgumentException("maxLongPollsPerUser must be positive");
        }
    }

    /** With the default number of long polls per user. */
    public ChatLimits(int maxMessageChars, Duration idempotencyWindow, Duration maxWait, Duration pollInterval) {
        this(maxMessageChars, idempotencyWindow, maxWait, pollInterval, DEFAULT_MAX_LONG_POLLS_PER_USER);
    }

    /** 32,000 characters, 24 hours, long polls of up to 25 s re-read every 250 ms, 4 at once per user. */
    public static ChatLimits defaults() {
        return new ChatLimits(DEFAULT_MAX_MESSAGE_CHARS, Duration.ofHours(24), Duration.ofSeconds(25),
                Duration.ofMillis(250));
    }
}
