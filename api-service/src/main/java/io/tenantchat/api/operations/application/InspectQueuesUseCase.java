package io.tenantchat.api.operations.application;

import io.tenantchat.api.operations.domain.DeadLetterView;
import io.tenantchat.api.operations.domain.OperatedQueue;
import io.tenantchat.api.operations.domain.QueueStats;
import java.util.List;

/** What is in the queues, without taking anything out of them. */
public interface InspectQueuesUseCase {

    int MAX_PEEK = 100;

    /** Each work queue and its dead-letter queue. */
    List<QueueStats> stats();

    /** Up to {@code limit} dead letters of {@code queue}; they stay in the queue, visible to the next reader. */
    List<DeadLetterView> peek(OperatedQueue queue, int limit);
}
