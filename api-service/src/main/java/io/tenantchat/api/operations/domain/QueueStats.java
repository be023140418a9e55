package io.tenantchat.api.operations.domain;

import org.jspecify.annotations.Nullable;

/**
 * Approximate counts of one queue (SQS attributes), and the age of its oldest message where it can be sampled
 * without disturbing consumers (dead-letter queues only; a work queue's is CloudWatch's
 * {@code ApproximateAgeOfOldestMessage}).
 *
 * @param oldestAgeSeconds null when not sampled or the queue is empty
 */
public record QueueStats(OperatedQueue queue, boolean deadLetter, String name, long visible, long inFlight,
        @Nullable Long oldestAgeSeconds) {
}
