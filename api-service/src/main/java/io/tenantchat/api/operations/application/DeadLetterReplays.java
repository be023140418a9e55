package io.tenantchat.api.operations.application;

import io.tenantchat.api.chat.application.MessageStore;
import io.tenantchat.api.chat.domain.MessageStatus;
import io.tenantchat.api.operations.domain.DeadLetter;
import io.tenantchat.api.operations.domain.OperatedQueue;
import io.tenantchat.api.operations.domain.ReplayOutcome;
import io.tenantchat.api.operations.domain.ReplayedLetter;
import io.tenantchat.shared.ChatRequested;
import io.tenantchat.shared.MessageId;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Decides and does the replay of one dead letter (docs/adr/002-retries-and-dlq.md):
 * <ul>
 * <li>a chat job whose message is {@code failed}: the message goes back to {@code queued} (conditional, keyed by
 * tenant), then the job is sent under a fresh deduplication id in its own message group, then deleted here;</li>
 * <li>one whose message is {@code queued} or {@code processing} (an interrupted replay, or a poison job moved by
 * the redrive policy): sent again; the worker stores one reply however many jobs it gets;</li>
 * <li>one whose message is {@code completed}, or whose message was already sent in this run: deleted, skipped;</li>
 * <li>an unreadable letter, or a job whose message no longer exists: left in the dead-letter queue, failed;</li>
 * <li>a usage event: left in the dead-letter queue, failed. Only the EventBridge rule may send to
 * {@code usage-events} (its queue policy; this internet-facing service has no send permission): usage events are
 * replayed from the EventBridge archive or by an operator's {@code start-message-move-task} (docs/runbook.md).</li>
 * </ul>
 */
public final class DeadLetterReplays {

    static final String USAGE_EVENTS_NOT_REPLAYED =
            "usage events are replayed from the EventBridge archive or with start-message-move-task, not by the api";

    private final QueueConsole console;
    private final MessageStore messages;
    private final Clock clock;

    public DeadLetterReplays(QueueConsole console, MessageStore messages, Clock clock) {
        this.console = console;
        this.messages = messages;
        this.clock = clock;
    }

    Batch newRun(OperatedQueue queue) {
        return new Batch(queue);
    }

    /** One replay call: remembers the messages it already sent. */
    final class Batch {
        private final OperatedQueue queue;
        private final Set<MessageId> sent = new HashSet<>();

        Batch(OperatedQueue queue) {
            this.queue = queue;
        }

        ReplayedLetter plan(DeadLetter letter) {
            if (!letter.readable()) {
                return outcome(letter, ReplayOutcome.WOULD_FAIL, "unreadable body");
            }
            if (queue == OperatedQueue.USAGE_EVENTS) {
                return outcome(letter, ReplayOutcome.WOULD_FAIL, USAGE_EVENTS_NOT_REPLAYED);
            }
            ChatRequested job = letter.job();
            if (job == null) { // not reached: a chat-requests letter is readable only through its job
                return outcome(letter, ReplayOutcome.WOULD_FAIL, "unreadable body");
            }
            Optional<MessageStatus> status = status(job);
            if (status.isEmpty()) {
                return outcome(letter, ReplayOutcome.WOULD_FAIL, "message not found");
            }
            if (finished(status.get()) || !sent.add(job.messageId())) {
                return outcome(letter, ReplayOutcome.WOULD_SKIP, "message " + status.get().wireValue());
            }
            return outcome(letter, ReplayOutcome.WOULD_MOVE, "message " + status.get().wireValue());
        }

        /** Completed or cancelled by its author: a replay would never reach the model. */
        private static boolean finished(MessageStatus status) {
            return status == MessageStatus.COMPLETED || status == MessageStatus.CANCELLED;
        }

        ReplayedLetter replay(DeadLetter letter) {
            if (!letter.readable()) {
                return outcome(letter, ReplayOutcome.FAILED, "unreadable body");
            }
            if (queue == OperatedQueue.USAGE_EVENTS) {
                return outcome(letter, ReplayOutcome.FAILED, USAGE_EVENTS_NOT_REPLAYED);
            }
            ChatRequested job = letter.job();
            if (job == null) {
                return outcome(letter, ReplayOutcome.FAILED, "unreadable body");
            }
            Optional<MessageStatus> status = status(job);
            if (status.isPresent() && status.get() == MessageStatus.FAILED) {
                Instant now = clock.instant();
                status = messages.requeueFailed(job.tenantId(), job.sessionId(), job.messageId(), now)
                        ? Optional.of(MessageStatus.QUEUED) : status(job);
            }
            if (status.isEmpty()) {
                return outcome(letter, ReplayOutcome.FAILED, "message not found");
            }
            if (finished(status.get()) || sent.contains(job.messageId())) {
                return skip(letter, finished(status.get()) ? "message " + status.get().wireValue() : "already sent");
            }
            if (status.get() == MessageStatus.FAILED) {
                return outcome(letter, ReplayOutcome.FAILED, "message could not be requeued");
            }
            sent.add(job.messageId());
            return move(letter, job.requeueDeduplicationId(clock.instant()), "message requeued");
        }

        private ReplayedLetter move(DeadLetter letter, String deduplicationId, String reason) {
            try {
                console.sendToWorkQueue(queue, letter, deduplicationId);
                console.delete(queue, letter);
                return outcome(letter, ReplayOutcome.MOVED, reason);
            } catch (RuntimeException e) {
                return outcome(letter, ReplayOutcome.FAILED, "send or delete failed: " + e.getClass().getSimpleName());
            }
        }

        private ReplayedLetter skip(DeadLetter letter, String reason) {
            try {
                console.delete(queue, letter);
                return outcome(letter, ReplayOutcome.SKIPPED, reason);
            } catch (RuntimeException e) {
                return outcome(letter, ReplayOutcome.FAILED, "delete failed: " + e.getClass().getSimpleName());
            }
        }

        private Optional<MessageStatus> status(ChatRequested job) {
            return messages.findExchange(job.tenantId(), job.sessionId(), job.messageId())
                    .map(exchange -> exchange.message().status());
        }

        private static ReplayedLetter outcome(DeadLetter letter, ReplayOutcome outcome, String reason) {
            return new ReplayedLetter(letter.sqsMessageId(), letter.key(), outcome, reason);
        }
    }
}
