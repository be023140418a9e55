package io.tenantchat.api.stream.application;

import static io.tenantchat.api.support.Callers.ALICE;
import static io.tenantchat.api.support.Callers.BOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.tenantchat.api.chat.application.ConversationPage;
import io.tenantchat.api.chat.application.ViewMessagesUseCase;
import io.tenantchat.api.chat.domain.ChatMessage;
import io.tenantchat.api.chat.domain.Exchange;
import io.tenantchat.api.chat.domain.MessageError;
import io.tenantchat.api.chat.domain.MessageStatus;
import io.tenantchat.api.chat.domain.Reply;
import io.tenantchat.api.error.NotFoundException;
import io.tenantchat.api.identity.Caller;
import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.stream.ReplyCancelled;
import io.tenantchat.shared.stream.ReplyCompleted;
import io.tenantchat.shared.stream.ReplyDelta;
import io.tenantchat.shared.stream.ReplyError;
import io.tenantchat.shared.stream.ReplyFailed;
import io.tenantchat.shared.stream.ReplyRestarted;
import io.tenantchat.shared.stream.ReplySnapshot;
import io.tenantchat.shared.stream.ReplyUsage;
import io.tenantchat.shared.stream.StreamEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StreamServiceTests {

    private static final TenantId TENANT = ALICE.tenantId();
    private static final SessionId SESSION = SessionId.random();

    private final List<Exchange> stored = new CopyOnWriteArrayList<>();
    private final Map<MessageId, ReplySnapshot> snapshots = new ConcurrentHashMap<>();
    private final List<LiveReplies.Listener> liveListeners = new CopyOnWriteArrayList<>();
    private final AtomicInteger conversationReads = new AtomicInteger();
    private volatile boolean workerEvents = true;
    private final List<StreamEvent> duringSubscribe = new ArrayList<>();
    private final List<StreamEvent> received = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final List<StreamEvent> duringSnapshotRead = new CopyOnWriteArrayList<>();
    private final AtomicInteger snapshotReads = new AtomicInteger();
    private final StreamService service = new StreamService(new StoredMessages(), new FakeLiveReplies(),
            this::readSnapshot, scheduler, Duration.ofMillis(50));

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void storedRepliesAfterTheCursorAreReplayedInOrderThenLiveEventsFollow() {
        MessageId old = completed("old reply");
        MessageId first = completed("first reply");
        MessageId failed = failed();
        MessageId next = queued();

        service.open(ALICE, SESSION, old, received::add);
        live(delta(next, 1, 1, "Hi"));

        assertThat(received).containsExactly(completedEvent(first, "first reply"),
                new ReplyFailed(TENANT, SESSION, failed, new ReplyError("model_unavailable", "Busy.")),
                delta(next, 1, 1, "Hi"));
    }

    @Test
    void storedCancelledMessagesReplayAsTerminalCancelledEventsWithTheirPartialText() {
        MessageId stoppedWhileQueued = store(MessageStatus.CANCELLED, null, null);
        MessageId stoppedWhileGenerating = store(MessageStatus.CANCELLED, "The capi", null);
        MessageId next = queued();

        service.open(ALICE, SESSION, null, received::add);
        live(new ReplyCancelled(TENANT, SESSION, stoppedWhileGenerating, "The capi", "model", new ReplyUsage(5, 2)));
        live(delta(next, 1, 1, "Hi"));

        assertThat(received).containsExactly(
                new ReplyCancelled(TENANT, SESSION, stoppedWhileQueued, "", null, null),
                new ReplyCancelled(TENANT, SESSION, stoppedWhileGenerating, "The capi", "model", new ReplyUsage(5, 2)),
                delta(next, 1, 1, "Hi"));
    }

    @Test
    void liveCancelledEventEndsTheReplyAndLaterTextOfItIsDropped() {
        MessageId id = queued();
        service.open(ALICE, SESSION, null, received::add);

        live(delta(id, 1, 1, "Par"));
        live(new ReplyCancelled(TENANT, SESSION, id, "Par", "model", new ReplyUsage(5, 1)));
        live(delta(id, 1, 2, "is"));
        live(completedEvent(id, "Paris"));

        assertThat(received).containsExactly(delta(id, 1, 1, "Par"),
                new ReplyCancelled(TENANT, SESSION, id, "Par", "model", new ReplyUsage(5, 1)));
    }

    @Test
    void anotherTenantsSessionIsRefusedWithNothingSentAndNoSubscription() {
        completed("secret");

        assertThatThrownBy(() -> service.open(BOB, SESSION, null, received::add)).isInstanceOf(NotFoundException.class);

        assertThat(received).isEmpty();
        assertThat(liveListeners).isEmpty();
    }

    @Test
    void replyInProgressResumesWithItsTextSoFarThenOnlyNewerText() {
        MessageId inProgress = processing();
        snapshots.put(inProgress, new ReplySnapshot(inProgress, 1, 3, "The capital"));

        service.open(ALICE, SESSION, null, received::add);
        live(delta(inProgress, 1, 3, " capital"));
        live(delta(inProgress, 1, 4, " is"));

        assertThat(received).containsExactly(delta(inProgress, 1, 3, "The capital"), delta(inProgress, 1, 4, " is"));
    }

    @Test
    void snapshotReadWhileLiveTextArrivesIsNotSentOnTopOfIt() {
        MessageId id = queued();
        service.open(ALICE, SESSION, null, received::add);
        snapshots.put(id, new ReplySnapshot(id, 1, 3, "The capital is"));
        duringSnapshotRead.add(delta(id, 1, 1, "The"));
        setStatus(id, MessageStatus.PROCESSING);
        changed(); // a reconnect: the re-read finds the reply in progress

        await().atMost(Duration.ofSeconds(5)).until(() -> snapshotReads.get() > 0 && !received.isEmpty());
        live(delta(id, 1, 2, " capital"));

        assertThat(received).containsExactly(delta(id, 1, 1, "The"), delta(id, 1, 2, " capital"));
    }

    @Test
    void liveEventsArrivingDuringTheReplayAreHeldBackAndSentOnce() {
        MessageId done = completed("Paris.");
        duringSubscribe.add(completedEvent(done, "Paris."));

        service.open(ALICE, SESSION, null, received::add);

        assertThat(received).containsExactly(completedEvent(done, "Paris."));
    }

    @Test
    void newerAttemptIsAnnouncedAsARestartAndOlderTextIsDropped() {
        MessageId id = queued();
        service.open(ALICE, SESSION, null, received::add);

        live(delta(id, 1, 1, "Par"));
        live(delta(id, 2, 1, "Pa"));
        live(delta(id, 1, 2, "is"));
        live(new ReplyRestarted(TENANT, SESSION, id, 2, 0));
        live(delta(id, 2, 2, "ris."));

        assertThat(received).containsExactly(delta(id, 1, 1, "Par"), new ReplyRestarted(TENANT, SESSION, id, 2, 0),
                delta(id, 2, 1, "Pa"), delta(id, 2, 2, "ris."));
    }

    @Test
    void withoutWorkerEventsAPendingReplyIsFoundByRereadingTheStoreAndSentOnce() {
        workerEvents = false;
        MessageId id = queued();
        Subscription subscription = service.open(ALICE, SESSION, null, received::add);

        complete(id, "Later.");
        await().atMost(Duration.ofSeconds(5)).until(() -> !received.isEmpty());
        live(completedEvent(id, "Later."));

        assertThat(received).containsExactly(completedEvent(id, "Later."));
        subscription.close();
        assertThat(liveListeners).isEmpty();
    }

    @Test
    void withoutWorkerEventsTheStoreIsReadOnlyWhileAReplyIsPending() {
        workerEvents = false;
        MessageId id = queued();
        service.open(ALICE, SESSION, null, received::add);
        complete(id, "Done.");
        await().atMost(Duration.ofSeconds(5)).until(() -> !received.isEmpty());

        int afterCompletion = conversationReads.get();
        await().during(Duration.ofMillis(400)).atMost(Duration.ofSeconds(2))
                .until(() -> conversationReads.get() == afterCompletion);
    }

    @Test
    void withoutWorkerEventsAMessageAcceptedLaterIsFollowedFromItsSignalUntilItsReplyIsStored() {
        workerEvents = false;
        service.open(ALICE, SESSION, null, received::add);
        int whileIdle = conversationReads.get();
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                .until(() -> conversationReads.get() == whileIdle);

        MessageId id = queued();
        changed();
        await().atMost(Duration.ofSeconds(5)).until(() -> conversationReads.get() > whileIdle + 1);
        complete(id, "Found.");

        await().atMost(Duration.ofSeconds(5)).until(() -> received.equals(List.of(completedEvent(id, "Found."))));
    }

    @Test
    void idleSubscriptionNeverReadsTheStoreAgainWhileLiveEventsFlow() {
        queued();
        service.open(ALICE, SESSION, null, received::add);
        int afterOpen = conversationReads.get();

        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                .until(() -> conversationReads.get() == afterOpen);
    }

    @Test
    void reconnectSignalReadsTheStoreOnceAndDeliversWhatWasMissed() {
        MessageId id = queued();
        service.open(ALICE, SESSION, null, received::add);
        int afterOpen = conversationReads.get();
        complete(id, "Missed while disconnected.");

        changed();

        await().atMost(Duration.ofSeconds(5)).until(() -> received.equals(
                List.of(completedEvent(id, "Missed while disconnected."))));
        await().during(Duration.ofMillis(400)).atMost(Duration.ofSeconds(2))
                .until(() -> conversationReads.get() == afterOpen + 1);
    }

    @Test
    void failedRereadIsRetriedUntilItSucceeds() {
        MessageId id = queued();
        service.open(ALICE, SESSION, null, received::add);
        complete(id, "After the outage.");
        failingReads.set(2);

        changed();

        await().atMost(Duration.ofSeconds(5)).until(() -> received.equals(
                List.of(completedEvent(id, "After the outage."))));
    }

    private final AtomicInteger failingReads = new AtomicInteger();

    /** The live channel: records listeners; {@link #duringSubscribe} events arrive while subscribing. */
    private final class FakeLiveReplies implements LiveReplies {

        @Override
        public Subscription subscribe(TenantId tenant, SessionId session, Listener listener) {
            liveListeners.add(listener);
            duringSubscribe.forEach(listener::event);
            return () -> liveListeners.remove(listener);
        }

        @Override
        public boolean carriesWorkerEvents() {
            return workerEvents;
        }
    }

    private void changed() {
        liveListeners.forEach(LiveReplies.Listener::changed);
    }

    /** Reads the snapshot; live events set up to race with the read arrive while it is read. */
    private Optional<ReplySnapshot> readSnapshot(TenantId tenant, SessionId session, MessageId id) {
        snapshotReads.incrementAndGet();
        duringSnapshotRead.forEach(this::live);
        duringSnapshotRead.clear();
        return Optional.ofNullable(snapshots.get(id));
    }

    private void live(StreamEvent event) {
        liveListeners.forEach(listener -> listener.event(event));
    }

    private MessageId queued() {
        return store(MessageStatus.QUEUED, null, null);
    }

    private MessageId processing() {
        return store(MessageStatus.PROCESSING, null, null);
    }

    private MessageId failed() {
        return store(MessageStatus.FAILED, null, new MessageError("model_unavailable", "Busy."));
    }

    private MessageId completed(String reply) {
        return store(MessageStatus.COMPLETED, reply, null);
    }

    private MessageId store(MessageStatus status, String reply, MessageError error) {
        MessageId id = MessageId.next(Clock.systemUTC());
        stored.add(exchange(id, status, reply, error));
        return id;
    }

    private void setStatus(MessageId id, MessageStatus status) {
        stored.replaceAll(e -> e.message().messageId().equals(id) ? exchange(id, status, null, null) : e);
    }

    private void complete(MessageId id, String reply) {
        stored.replaceAll(e -> e.message().messageId().equals(id) ? exchange(id, MessageStatus.COMPLETED, reply, null) : e);
    }

    private static Exchange exchange(MessageId id, MessageStatus status, String reply, MessageError error) {
        Instant now = Instant.now();
        ChatMessage message = new ChatMessage(TENANT, SESSION, ALICE.userId(), id, "question", status, 1, error, now, now);
        return new Exchange(message, reply == null ? null : new Reply(reply, "model", 5, 2, now));
    }

    private static ReplyDelta delta(MessageId id, int attempt, long seq, String text) {
        return new ReplyDelta(TENANT, SESSION, id, attempt, seq, text);
    }

    private static ReplyCompleted completedEvent(MessageId id, String content) {
        return new ReplyCompleted(TENANT, SESSION, id, content, "model", new ReplyUsage(5, 2));
    }

    /** The stored conversation of ALICE's one session; everyone else gets NotFound. */
    private final class StoredMessages implements ViewMessagesUseCase {

        @Override
        public Exchange message(Caller caller, MessageId messageId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Exchange> conversation(Caller caller, SessionId sessionId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ConversationPage conversation(Caller caller, SessionId sessionId, MessageId after, int limit) {
            if (!caller.equals(ALICE) || !sessionId.equals(SESSION)) {
                throw new NotFoundException("session_not_found", "no such session");
            }
            conversationReads.incrementAndGet();
            if (failingReads.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new IllegalStateException("the store is unavailable");
            }
            List<Exchange> page = stored.stream()
                    .filter(e -> after == null || e.message().messageId().value().compareTo(after.value()) > 0)
                    .limit(limit).toList();
            return new ConversationPage(page, null);
        }
    }
}
