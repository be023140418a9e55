package io.tenantchat.worker.reply.application;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
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
}
