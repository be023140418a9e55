package io.tenantchat.api.stream.application;

import io.tenantchat.api.chat.application.ConversationPage;
import io.tenantchat.api.chat.application.ViewMessagesUseCase;
import io.tenantchat.api.chat.domain.Exchange;
import io.tenantchat.api.chat.domain.MessageStatus;
import io.tenantchat.api.identity.Caller;
import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.stream.ReplySnapshot;
import io.tenantchat.shared.stream.StreamEvent;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens reply feeds: subscribes to the live events <em>before</em> reading the stored messages (so nothing
 * falls between the two), replays what is stored after the cursor, then lets live events through. After that the
 * stored messages are read again only when the live channel says they may have changed without an event (a
 * reconnect: one read per subscription, however many signals) and never on a timer while the session is idle.
 * Only without worker events (one instance, no Redis) is a session re-read every {@code pendingPollInterval}, and
 * only while one of its replies is pending. A failed re-read is retried after the same interval.
 */
public final class StreamService implements StreamRepliesUseCase {

    private static final Logger log = LoggerFactory.getLogger(StreamService.class);

    private final ViewMessagesUseCase messages;
    private final LiveReplies live;
    private final ReplySnapshots snapshots;
    private final ScheduledExecutorService scheduler;
    private final Duration pendingPollInterval;

    public StreamService(ViewMessagesUseCase messages, LiveReplies live, ReplySnapshots snapshots,
            ScheduledExecutorService scheduler, Duration pendingPollInterval) {
        this.messages = messages;
        this.live = live;
        this.snapshots = snapshots;
        this.scheduler = scheduler;
        this.pendingPollInterval = pendingPollInterval;
    }

    @Override
    public Subscription open(Caller caller, SessionId sessionId, @Nullable MessageId afterOrNull,
            Consumer<StreamEvent> sink) {
        messages.conversation(caller, sessionId, afterOrNull, 1); // the caller's own session, or NotFound
        OpenFeed open = new OpenFeed(caller, sessionId, new ReplyFeed(caller.tenantId(), sessionId, afterOrNull,
                sink));
        Subscription liveEvents = live.subscribe(caller.tenantId(), sessionId, open);
        try {
            boolean pending = catchUp(caller, sessionId, open.feed);
            open.feed.goLive();
            open.caughtUp(pending);
        } catch (RuntimeException e) {
            liveEvents.close();
            throw e;
        }
        return () -> {
            open.closed = true;
            liveEvents.close();
        };
    }

    /** @return whether a stored message after the cursor is still pending (queued or processing) */
    private boolean catchUp(Caller caller, SessionId sessionId, ReplyFeed feed) {
        MessageId after = feed.cursor();
        boolean finishedSoFar = true;
        while (true) {
            ConversationPage page = messages.conversation(caller, sessionId, after, ConversationPage.MAX_LIMIT);
            for (Exchange exchange : page.exchanges()) {
                finishedSoFar &= feed.stored(exchange, snapshot(caller, sessionId, feed, exchange), finishedSoFar);
            }
            if (page.nextCursor().isEmpty()) {
                return !finishedSoFar;
            }
            after = page.nextCursor().get();
        }
    }

    private Optional<ReplySnapshot> snapshot(Caller caller, SessionId sessionId, ReplyFeed feed, Exchange exchange) {
        MessageId id = exchange.message().messageId();
        if (exchange.message().status() != MessageStatus.PROCESSING || !feed.needsSnapshot(id)) {
            return Optional.empty();
        }
        return snapshots.find(caller.tenantId(), sessionId, id);
    }

    /** One open subscription: relays live events and coalesces re-read signals into one read at a time. */
    private final class OpenFeed implements LiveReplies.Listener {

        private final Caller caller;
        private final SessionId sessionId;
        private final ReplyFeed feed;
        private final AtomicInteger signals = new AtomicInteger();
        private final AtomicBoolean timerArmed = new AtomicBoolean();
        private volatile boolean closed;

        OpenFeed(Caller caller, SessionId sessionId, ReplyFeed feed) {
            this.caller = caller;
            this.sessionId = sessionId;
            this.feed = feed;
        }

        @Override
        public void event(StreamEvent event) {
            feed.live(event);
        }

        @Override
        public void changed() {
            if (!closed && signals.getAndIncrement() == 0) {
                scheduler.execute(this::reread);
            }
        }

        /** Every signal that arrived before a read started is served by that read. */
        private void reread() {
            int served;
            boolean pending = true;
            do {
                served = signals.get();
                if (closed) {
                    return;
                }
                try {
                    pending = catchUp(caller, sessionId, feed);
                } catch (RuntimeException e) {
                    log.warn("Could not re-read session {} of tenant {}: {}", sessionId, caller.tenantId(),
                            e.toString());
                    signals.set(0);
                    rereadLater();
                    return;
                }
            } while (signals.addAndGet(-served) > 0);
            caughtUp(pending);
        }

        /** Without worker events nothing announces a finished reply: re-read later while one is pending. */
        void caughtUp(boolean pending) {
            if (pending && !live.carriesWorkerEvents()) {
                rereadLater();
            }
        }

        private void rereadLater() {
            if (!closed && timerArmed.compareAndSet(false, true)) {
                scheduler.schedule(() -> {
                    timerArmed.set(false);
                    changed();
                }, pendingPollInterval.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }
}
