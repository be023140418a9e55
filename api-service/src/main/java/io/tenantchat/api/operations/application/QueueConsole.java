package io.tenantchat.api.operations.application;

import io.tenantchat.api.operations.domain.DeadLetter;
import io.tenantchat.api.operations.domain.OperatedQueue;
import io.tenantchat.api.operations.domain.QueueStats;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/** The operator's view of the SQS queues: counts, and receive/send/delete on the dead-letter queues. */
public interface QueueConsole {

    QueueStats stats(OperatedQueue queue, boolean deadLetter);

    /** Up to 10 dead letters, hidden from other receivers for {@code hold}; none when the queue has none visible. */
    List<DeadLetter> receive(OperatedQueue queue, Duration hold);

    /** Makes received dead letters visible again at once (a peek, or the ones a replay did not take). */
    void release(OperatedQueue queue, Collection<DeadLetter> letters);

    /**
     * Sends a dead letter's body back to the work queue: the same message group, and {@code deduplicationId}
     * (FIFO only).
     */
    void sendToWorkQueue(OperatedQueue queue, DeadLetter letter, String deduplicationId);

    void delete(OperatedQueue queue, DeadLetter letter);
}
