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
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens reply feeds: subscribes to the live events <em>before</em> reading the stored messages (so nothing
 * falls between the two), replays what is stored after the cursor, then lets live events through. The stored
 * messages are re-read every {@code pollInterval} as well, so completions reach the client even without a live
 * channel or when a live event was lost.
 */
public final class StreamService implements StreamRepliesUseCase {

    private static final Logger log = LoggerFactory.getLogger(StreamService.class);

    private final ViewMessagesUseCase messages;
    private final LiveReplies live;
    private final ReplySnapshots snapshots;
    private final ScheduledExecutorService scheduler;
    private final Duration pollInterval;

    public StreamService(ViewMessagesUseCase messages, LiveReplies live, ReplySnapshots snapshots,
            ScheduledExecutorService scheduler, Duration pollInterval) {
        this.messages = messages;
        this.live = live;
        this.snapshots = snapshots;
        this.scheduler = scheduler;
        this.pollInterval = pollInterval;
    }

    @Override
    public Subscription open(Caller caller, SessionId sessionId, MessageId afterOrNull, Consumer<StreamEvent> sink) {
        messages.conversation(caller, sessionId, afterOrNull, 1); // the caller's own session, or NotFound
        ReplyFeed feed = new ReplyFeed(caller.tenantId(), sessionId, afterOrNull, sink);
        Subscription liveEvents = live.subscribe(caller.tenantId(), sessionId, feed::live);
        try {
            catchUp(caller, sessionId, feed);
            feed.goLive();
        } catch (RuntimeException e) {
            liveEvents.close();
            throw e;
        }
        ScheduledFuture<?> polling = scheduler.scheduleWithFixedDelay(() -> poll(caller, sessionId, feed),
                pollInterval.toMillis(), pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        return () -> {
            polling.cancel(false);
            liveEvents.close();
        };
    }

    private void catchUp(Caller caller, SessionId sessionId, ReplyFeed feed) {
        MessageId after = feed.cursor();
        boolean finishedSoFar = true;
        while (true) {
            ConversationPage page = messages.conversation(caller, sessionId, after, ConversationPage.MAX_LIMIT);
            for (Exchange exchange : page.exchanges()) {
                finishedSoFar &= feed.stored(exchange, snapshot(caller, sessionId, feed, exchange), finishedSoFar);
            }
            if (page.nextCursor().isEmpty()) {
                return;
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

    private void poll(Caller caller, SessionId sessionId, ReplyFeed feed) {
        try {
            catchUp(caller, sessionId, feed);
        } catch (RuntimeException e) {
            log.warn("Could not re-read session {} of tenant {}: {}", sessionId, caller.tenantId(), e.toString());
        }
    }
}
