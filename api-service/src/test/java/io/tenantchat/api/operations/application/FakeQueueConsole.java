package io.tenantchat.api.operations.application;

import io.tenantchat.api.operations.domain.DeadLetter;
import io.tenantchat.api.operations.domain.DeadLetterKey;
import io.tenantchat.api.operations.domain.OperatedQueue;
import io.tenantchat.api.operations.domain.QueueStats;
import io.tenantchat.shared.ChatRequested;
import io.tenantchat.shared.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Dead-letter queues in memory: a received letter is hidden until deleted or released, like SQS; what is sent to
 * a work queue is recorded with its deduplication id.
 */
final class FakeQueueConsole implements QueueConsole {

    record Sent(OperatedQueue queue, DeadLetter letter, String deduplicationId) {
    }

    private final Map<String, DeadLetter> visible = new LinkedHashMap<>();
    private final Map<String, DeadLetter> hidden = new LinkedHashMap<>();
    final List<Sent> sent = new ArrayList<>();
    boolean sendFails;
    /** How many of the next receives come back empty although letters are visible (SQS samples its hosts). */
    int emptyReceives;

    DeadLetter add(ChatRequested job, Instant sentAt) {
        DeadLetter letter = new DeadLetter(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                job.messageGroupId(), sentAt, 1, "{job}", new DeadLetterKey(job.tenantId(), job.sessionId(),
                        job.messageId(), null), job, Map.of("tenant_id", job.tenantId().value()));
        visible.put(letter.sqsMessageId(), letter);
        return letter;
    }

    DeadLetter addUsageEvent(Instant sentAt) {
        DeadLetter letter = new DeadLetter(UUID.randomUUID().toString(), UUID.randomUUID().toString(), null, sentAt,
                1, "{envelope}", new DeadLetterKey(TenantId.of("tenant-a"), null, null, "m#1"), null, Map.of());
        visible.put(letter.sqsMessageId(), letter);
        return letter;
    }

    DeadLetter addUnreadable(Instant sentAt) {
        DeadLetter letter = new DeadLetter(UUID.randomUUID().toString(), UUID.randomUUID().toString(), "g", sentAt,
                1, "not json", null, null, Map.of());
        visible.put(letter.sqsMessageId(), letter);
        return letter;
    }

    int visibleCount() {
        return visible.size();
    }

    int hiddenCount() {
        return hidden.size();
    }

    @Override
    public QueueStats stats(OperatedQueue queue, boolean deadLetter) {
        return new QueueStats(queue, deadLetter, queue.wireName() + (deadLetter ? "-dlq" : ""),
                deadLetter ? visible.size() : 0, deadLetter ? hidden.size() : 0, null);
    }

    @Override
    public List<DeadLetter> receive(OperatedQueue queue, Duration hold) {
        if (emptyReceives > 0) {
            emptyReceives--;
            return List.of();
        }
        List<DeadLetter> batch = visible.values().stream().limit(3).toList();
        batch.forEach(letter -> hidden.put(visible.remove(letter.sqsMessageId()).sqsMessageId(), letter));
        return batch;
    }

    @Override
    public void release(OperatedQueue queue, Collection<DeadLetter> letters) {
        letters.forEach(letter -> {
            if (hidden.remove(letter.sqsMessageId()) != null) {
                visible.put(letter.sqsMessageId(), letter);
            }
        });
    }

    @Override
    public void sendToWorkQueue(OperatedQueue queue, DeadLetter letter, String deduplicationId) {
        if (sendFails) {
            throw new IllegalStateException("queue down");
        }
        sent.add(new Sent(queue, letter, deduplicationId));
    }

    @Override
    public void delete(OperatedQueue queue, DeadLetter letter) {
        hidden.remove(letter.sqsMessageId());
    }
}
