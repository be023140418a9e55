package io.tenantchat.worker.reply.application;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * In-process retries of retryable model failures within one delivery of a job: exponential backoff with full
 * jitter (a uniformly random pause between zero and {@code min(maxBackoff, initialBackoff * 2^(retry-1))}), so
 * many workers throttled together do not come back together.
 *
 * @param maxAttempts model calls per delivery; after that the job is left for redelivery (if the message's total
 *     budget allows) with its attempt count kept
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be positive");
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("0 <= initialBackoff <= maxBackoff");
        }
    }

    /** No pause and one call per delivery. */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO);
    }

    /** The pause before retry number {@code retry} (1 for the first retry). */
    public Duration backoffBefore(int retry, RandomGenerator random) {
        long ceiling = ceilingMillis(retry);
        return ceiling == 0 ? Duration.ZERO : Duration.ofMillis(random.nextLong(ceiling + 1));
    }

    /** The largest pause before retry number {@code retry}. */
    long ceilingMillis(int retry) {
        long initial = initialBackoff.toMillis();
        int doublings = Math.min(Math.max(retry - 1, 0), 30);
        long exponential = initial > (Long.MAX_VALUE >> doublings) ? Long.MAX_VALUE : initial << doublings;
        return Math.min(maxBackoff.toMillis(), exponential);
    }
}
