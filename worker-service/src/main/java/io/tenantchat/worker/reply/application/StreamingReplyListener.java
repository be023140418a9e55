package io.tenantchat.worker.reply.application;

import io.tenantchat.shared.stream.ReplyDelta;
import io.tenantchat.shared.stream.ReplyRestarted;
import io.tenantchat.worker.reply.domain.MessageRef;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * Turns one attempt's streamed text into {@link ReplyEvents}, coalesced as {@link ReplyCoalescing} says:
 * {@code seq} grows by one per published event (gap-free within the attempt), and an attempt after the first starts
 * with {@code restarted} so text of a failed or dead attempt is never shown twice. The model's thread only appends
 * and schedules; publishing runs on the coalescing's publisher, one publication of this reply at a time, in order;
 * the attempt's first text, and the first after a restart, is published at once (coalescing never delays the first
 * token). A restart before any text of the attempt (the model stream's own start, which the Bedrock adapter reports
 * as a restart so a stream the SDK retries starts clean) voids nothing and publishes nothing.
 * {@link #end()} publishes what is still held, on the job's own thread, before the reply is completed or failed.
 */
final class StreamingReplyListener implements ReplyListener {

    private final ReplyEvents events;
    private final MessageRef ref;
    private final int attempt;
    private final ReplyCoalescing coalescing;
    private final ReentrantLock publishing = new ReentrantLock();
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder pending = new StringBuilder();
    private boolean restartPending;
    private boolean scheduled;
    private boolean firstText = true;
    private long seq;
    private @Nullable Instant firstDeltaAt;
    private @Nullable Clock clock;

    StreamingReplyListener(ReplyEvents events, MessageRef ref, int attempt) {
        this(events, ref, attempt, ReplyCoalescing.NONE);
    }

    StreamingReplyListener(ReplyEvents events, MessageRef ref, int attempt, ReplyCoalescing coalescing) {
        this.events = events;
        this.ref = ref;
        this.attempt = attempt;
        this.coalescing = coalescing;
    }

    /** Remembers when the first text arrives (time to first token). */
    StreamingReplyListener timedBy(Clock clock) {
        this.clock = clock;
        return this;
    }

    /** The attempt's text so far (all of it, published or not). */
    synchronized String textSoFar() {
        return text.toString();
    }

    synchronized @Nullable Instant firstDeltaAt() {
        return firstDeltaAt;
    }

    /** Announces the attempt: a restart of the reply unless it is the first attempt. */
    void begin() {
        if (attempt > 1) {
            events.restarted(new ReplyRestarted(ref.tenantId(), ref.sessionId(), ref.messageId(), attempt, seq));
        }
    }

    @Override
    public void delta(String piece) {
        boolean now;
        synchronized (this) {
            if (firstDeltaAt == null && clock != null) {
                firstDeltaAt = clock.instant();
            }
            text.append(piece);
            pending.append(piece);
            // the first text of an attempt goes out at once: coalescing must not add to the time to first token
            now = coalescing.immediate() || firstText || pending.length() >= coalescing.maxChars();
            firstText = false;
        }
        schedule(now);
    }

    @Override
    public void restarted() {
        synchronized (this) {
            if (text.isEmpty()) {
                return; // nothing of this attempt streamed yet: nothing to void
            }
            firstText = true;
            text.setLength(0);
            pending.setLength(0);
            restartPending = true;
        }
        schedule(true);
    }

    /** Publishes whatever is still held, on the calling thread, after any publication under way. */
    void end() {
        flush();
    }

    private void schedule(boolean now) {
        if (coalescing.immediate()) {
            flush();
            return;
        }
        synchronized (this) {
            if (scheduled && !now) {
                return;
            }
            scheduled = true;
        }
        if (now) {
            coalescing.publishNow(this::flush);
        } else {
            coalescing.publishAfterWindow(this::flush);
        }
    }

    private void flush() {
        publishing.lock();
        try {
            for (Runnable publication : takeHeld()) {
                publication.run();
            }
        } finally {
            publishing.unlock();
        }
    }

    /** What is held now, as publications numbered in order; called only while holding {@link #publishing}. */
    private synchronized List<Runnable> takeHeld() {
        scheduled = false;
        List<Runnable> publications = new ArrayList<>(2);
        if (restartPending) {
            restartPending = false;
            ReplyRestarted restarted = new ReplyRestarted(ref.tenantId(), ref.sessionId(), ref.messageId(), attempt,
                    ++seq);
            publications.add(() -> events.restarted(restarted));
        }
        if (!pending.isEmpty()) {
            ReplyDelta delta = new ReplyDelta(ref.tenantId(), ref.sessionId(), ref.messageId(), attempt, ++seq,
                    pending.toString());
            String textSoFar = text.toString();
            pending.setLength(0);
            publications.add(() -> events.delta(delta, textSoFar));
        }
        return publications;
    }
}
