package io.tenantchat.worker.reply.application;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * How streamed reply text is gathered into {@code ReplyDelta} events: text is held until {@code window} has passed
 * since the first piece that is not yet published, or until {@code maxChars} characters wait, whichever comes first,
 * and then published on {@code publisher} (never on the model client's event-loop thread). {@link #NONE} publishes
 * every piece at once on the thread that delivers it (tests, and setups without a stream bus).
 *
 * @param timer only schedules: it hands each due publication to {@code publisher}
 */
public record ReplyCoalescing(Duration window, int maxChars, @Nullable ScheduledExecutorService timer,
        @Nullable Executor publisher) {

    public static final ReplyCoalescing NONE = new ReplyCoalescing(Duration.ZERO, 0, null, null);

    public ReplyCoalescing {
        if (window.isNegative() || maxChars < 0) {
            throw new IllegalArgumentException("window and maxChars must not be negative");
        }
        if ((timer == null) != (publisher == null)) {
            throw new IllegalArgumentException("timer and publisher go together");
        }
    }

    boolean immediate() {
        return timer == null;
    }

    /** Hands {@code flush} to the publisher now (only when not {@link #immediate()}). */
    void publishNow(Runnable flush) {
        requirePublisher().execute(flush);
    }

    /** Hands {@code flush} to the publisher once the window has passed (only when not {@link #immediate()}). */
    void publishAfterWindow(Runnable flush) {
        Executor target = requirePublisher();
        if (timer == null) {
            throw new IllegalStateException("immediate coalescing has no timer");
        }
        timer.schedule(() -> target.execute(flush), window.toMillis(), TimeUnit.MILLISECONDS);
    }

    private Executor requirePublisher() {
        if (publisher == null) {
            throw new IllegalStateException("immediate coalescing has no publisher");
        }
        return publisher;
    }
}
