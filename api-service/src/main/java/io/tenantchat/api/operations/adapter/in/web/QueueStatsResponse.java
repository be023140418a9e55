package io.tenantchat.api.operations.adapter.in.web;

import io.tenantchat.api.operations.domain.QueueStats;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@code GET /api/admin/queues}. */
record QueueStatsResponse(List<QueueEntry> queues) {

    /** One queue; {@code oldest_age_seconds} only for dead-letter queues (null when empty). */
    record QueueEntry(String queue, boolean deadLetter, String name, long visible, long inFlight,
            @Nullable Long oldestAgeSeconds) {
    }

    static QueueStatsResponse of(List<QueueStats> stats) {
        return new QueueStatsResponse(stats.stream().map(s -> new QueueEntry(s.queue().wireName(), s.deadLetter(),
                s.name(), s.visible(), s.inFlight(), s.oldestAgeSeconds())).toList());
    }
}
