package io.tenantchat.worker.reply.application;

import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import io.tenantchat.shared.stream.ReplyDelta;
import io.tenantchat.shared.stream.ReplyRestarted;
import io.tenantchat.worker.reply.domain.MessageRef;

/**
 * Turns one attempt's streamed text into {@link ReplyEvents}: {@code seq} grows by one per event, and an attempt
 * after the first starts with {@code restarted} so text of a failed or dead attempt is never shown twice.
 */
final class StreamingReplyListener implements ReplyListener {

    private final ReplyEvents events;
    private final MessageRef ref;
    private final int attempt;
    private final StringBuilder text = new StringBuilder();
    private long seq;
    private @Nullable Instant firstDeltaAt;
    private @Nullable Clock clock;

    StreamingReplyListener(ReplyEvents events, MessageRef ref, int attempt) {
        this.events = events;
        this.ref = ref;
        this.attempt = attempt;
    }

    /** Remembers when the first text arrives (time to first token). */
    StreamingReplyListener timedBy(Clock clock) {
        this.clock = clock;
        return this;
    }

    @Nullable Instant firstDeltaAt() {
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
        if (firstDeltaAt == null && clock != null) {
            firstDeltaAt = clock.instant();
        }
        text.append(piece);
        seq++;
        events.delta(new ReplyDelta(ref.tenantId(), ref.sessionId(), ref.messageId(), attempt, seq, piece),
                text.toString());
    }

    @Override
    public void restarted() {
        text.setLength(0);
        seq++;
        events.restarted(new ReplyRestarted(ref.tenantId(), ref.sessionId(), ref.messageId(), attempt, seq));
    }
}
