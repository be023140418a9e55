package io.tenantchat.api.operations.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantchat.api.chat.domain.ChatMessage;
import io.tenantchat.api.identity.Caller;
import io.tenantchat.api.chat.domain.MessageError;
import io.tenantchat.api.chat.domain.MessageStatus;
import io.tenantchat.api.operations.domain.OperatedQueue;
import io.tenantchat.api.operations.domain.ReplayFilter;
import io.tenantchat.api.operations.domain.ReplayOutcome;
import io.tenantchat.api.operations.domain.ReplaySummary;
import io.tenantchat.api.support.InMemoryAuditTrail;
import io.tenantchat.api.support.InMemoryMessageStore;
import io.tenantchat.shared.audit.AuditChain;
import io.tenantchat.shared.ChatRequested;
import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.UserId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ReplayDeadLettersServiceTests {

    private static final Caller OPERATOR = new Caller(TenantId.of("platform"), UserId.of("op-1"),
            Set.of(Caller.PLATFORM_OPERATOR));
    private static final TenantId A = TenantId.of("tenant-a");
    private static final TenantId B = TenantId.of("tenant-b");
    private static final Instant T0 = Instant.parse("2026-11-29T12:00:00Z");

    private final Clock clock = Clock.fixed(T0.plusSeconds(3600), ZoneOffset.UTC);
    private final InMemoryMessageStore messages = new InMemoryMessageStore();
    private final FakeQueueConsole console = new FakeQueueConsole();
    private final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    private final ReplayDeadLettersService replay = new ReplayDeadLettersService(console,
            new DeadLetterReplays(console, messages, clock), audit.recorder(clock));

    @Test
    void replayForOneTenantRequeuesAndSendsOnlyItsFailedJobsAndLeavesTheOthersDeadLettered() {
        List<ChatRequested> a = IntStream.range(0, 5).mapToObj(i -> deadLettered(A, MessageStatus.FAILED)).toList();
        IntStream.range(0, 4).forEach(i -> deadLettered(B, MessageStatus.FAILED));

        ReplaySummary summary = replay.replay(OPERATOR, OperatedQueue.CHAT_REQUESTS, ReplayFilter.tenant(A), false);

        assertThat(summary.examined()).isEqualTo(9);
        assertThat(summary.matched()).isEqualTo(5);
        assertThat(summary.moved()).isEqualTo(5);
        assertThat(console.sent).extracting(s -> s.letter().job().messageId())
                .containsExactlyInAnyOrderElementsOf(a.stream().map(ChatRequested::messageId).toList());
        assertThat(console.sent).allSatisfy(s -> {
            assertThat(s.deduplicationId()).startsWith(s.letter().job().messageId().value() + "#requeue-");
            assertThat(s.letter().groupId()).isEqualTo(s.letter().job().messageGroupId());
        });
        a.forEach(job -> assertThat(status(job)).isEqualTo(MessageStatus.QUEUED));
        assertThat(console.visibleCount()).isEqualTo(4);
        assertThat(console.hiddenCount()).isZero();
    }

    @Test
    void replayRecordsOneAuditEntryPerTenantWithItsCountsAndADryRunNone() {
        IntStream.range(0, 2).forEach(i -> deadLettered(A, MessageStatus.FAILED));
        deadLettered(B, MessageStatus.FAILED);

        replay.replay(OPERATOR, OperatedQueue.CHAT_REQUESTS, ReplayFilter.tenant(A), true);
        assertThat(audit.entries(A)).isEmpty();

        replay.replay(OPERATOR, OperatedQueue.CHAT_REQUESTS, ReplayFilter.tenant(A), false);

        assertThat(audit.entries(B)).as("only the tenant whose letters were replayed").isEmpty();
        assertThat(audit.entries(A)).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("dead_letters.replayed");
            assertThat(entry.actor()).isEqualTo("platform/op-1");
            assertThat(entry.target()).isEqualTo("chat-requests");
            assertThat(entry.after()).isEqualTo(Map.of("moved", "2"));
            assertThat(entry.requestId()).isEqualTo("test-request");
        });
        assertThat(AuditChain.verify(A, audit.entries(A)).intact()).isTrue();
    }

    @Test
    void anEmptyReceiveWhileLettersRemainDoesNotEndTheReplayEarly() {
        IntStream.range(0, 3).forEach(i -> deadLettered(A, MessageStatus.FAILED));
        console.emptyReceives = 2;

        ReplaySummary summary = replay.replay(OPERATOR, OperatedQueue.CHAT_REQUESTS, ReplayFilter.tenant(A), false);

        assertThat(summary.moved()).isEqualTo(3);
        assertThat(console.visibleCount()).isZero();
    }

    @Test
    void secondReplayFindsNothingLeftToMove() {
        IntStream.range(0, 3).forEach(i -> deadLettered(A, MessageStatus.FAILED));
        replay.replay(OPERATOR, OperatedQueue.CHAT_REQUESTS, ReplayFilter.tenant(A), false);

        ReplaySummary again = replay.replay(OPERATOR, OperatedQueue.CHAT_REQUESTS, ReplayFilter.tenant(A), false);

        assertThat(again.moved()).isZero();
        assertThat(console.sent).hasSize(3);
    }

    @Test
    void dryRunReportsWhatWouldMoveAndChangesNothing() {
        ChatRequested job = deadLettered(A, MessageStatus.FAILED);

        ReplaySummary summary = replay.replay(OPERATOR, OperatedQueue.CHAT_REQUESTS, ReplayFilter.everything(), true);

        assertThat(summary.dryRun()).isTrue();
        assertThat(summary.moved()).isEqualTo(1);
        assertThat(summary.letters()).singleElement()
                .satisfies(l -> assertThat(l.outcome()).isEqualTo(ReplayOutcome.WOULD_MOVE));
        assertThat(console.sent).isEmpty();
        assertThat(status(job)).isEqualTo(MessageStatus.FAILED);
        assertThat(console.visibleCount()).isEqualTo(1);
    }

    @Test
    void letterOfAnAnsweredMessageIsDeletedAsSkippedAndNotSent() {
        deadLettered(A, MessageStatus.COMPLETED);

        ReplaySummary summary = replay.replay(OPERATOR, OperatedQueue.CHAT_REQUESTS, ReplayFilter.everything(), false);

        assertThat(summary.skipped()).isEqualTo(1);
        assertThat(console.sent).isEmpty();
        assertThat(console.visibleCount()).isZero();
    }

    @Test
    void jobOfAMessageLeftQueuedByAnInterruptedReplayIsSentAgain() {
        deadLettered(A, MessageStatus.QUEUED);

        ReplaySummary summary = replay.replay(OPERATOR, OperatedQueue.CHAT_REQUESTS, ReplayFilter.everything(), false);

        assertThat(summary.moved()).isEqualTo(1);
        assertThat(console.sent).hasSize(1);
    }

    @Test
    void twoCopiesOfOneJobAreSentOnce() {
        ChatRequested job = deadLettered(A, MessageStatus.FAILED);
        console.add(job, T0);

        ReplaySummary summary = replay.replay(OPERATOR, OperatedQueue.CHAT_REQUESTS, ReplayFilter.everything(), false);

        assertThat(summary.moved()).isEqualTo(1);
        assertThat(summary.skipped()).isEqualTo(1);
        assertThat(console.sent).hasSize(1);
    }

    @Test
    void usageEventsAreNeverSentBackToTheUsageQueueByTheApi() {
        console.addUsageEvent(T0);

        ReplaySummary summary = replay.replay(OPERATOR, OperatedQueue.USAGE_EVENTS, ReplayFilter.everything(), false);

        assertThat(summary.failed()).isEqualTo(1);
        assertThat(console.sent).isEmpty();
        assertThat(console.visibleCount()).isEqualTo(1);
    }

    @Test
    void unreadableLetterAndJobOfAVanishedMessageStayDeadLetteredAsFailed() {
        console.addUnreadable(T0);
        console.add(job(A), T0);

        ReplaySummary summary = replay.replay(OPERATOR, OperatedQueue.CHAT_REQUESTS, ReplayFilter.everything(), false);

        assertThat(summary.failed()).isEqualTo(2);
        assertThat(console.visibleCount()).isEqualTo(2);
    }

    @Test
    void failedSendLeavesTheLetterDeadLetteredAndTheMessageQueuedForTheNextReplay() {
        ChatRequested job = deadLettered(A, MessageStatus.FAILED);
        console.sendFails = true;

        ReplaySummary summary = replay.replay(OPERATOR, OperatedQueue.CHAT_REQUESTS, ReplayFilter.everything(), false);

        assertThat(summary.failed()).isEqualTo(1);
        assertThat(console.visibleCount()).isEqualTo(1);
        console.sendFails = false;
        assertThat(replay.replay(OPERATOR, OperatedQueue.CHAT_REQUESTS, ReplayFilter.everything(), false).moved()).isEqualTo(1);
        assertThat(status(job)).isEqualTo(MessageStatus.QUEUED);
    }

    @Test
    void filtersBySessionMessageIdsAndTimeWindow() {
        ChatRequested early = deadLettered(A, MessageStatus.FAILED);
        ChatRequested late = deadLettered(A, MessageStatus.FAILED, T0.plusSeconds(600));
        ChatRequested other = deadLettered(A, MessageStatus.FAILED);

        assertThat(replay.replay(OPERATOR, OperatedQueue.CHAT_REQUESTS, new ReplayFilter(null, null, null, T0.plusSeconds(300),
                null, 100), true).matched()).isEqualTo(1);
        assertThat(replay.replay(OPERATOR, OperatedQueue.CHAT_REQUESTS, new ReplayFilter(A, early.sessionId(), null, null,
                null, 100), true).matched()).isEqualTo(1);
        ReplaySummary byIds = replay.replay(OPERATOR, OperatedQueue.CHAT_REQUESTS, new ReplayFilter(null, null,
                Set.of(late.messageId(), other.messageId()), null, null, 100), false);
        assertThat(byIds.moved()).isEqualTo(2);
        assertThat(status(early)).isEqualTo(MessageStatus.FAILED);
    }

    @Test
    void limitCapsTheLettersExamined() {
        IntStream.range(0, 7).forEach(i -> deadLettered(A, MessageStatus.FAILED));

        ReplaySummary summary = replay.replay(OPERATOR, OperatedQueue.CHAT_REQUESTS, new ReplayFilter(null, null, null, null,
                null, 4), false);

        assertThat(summary.examined()).isEqualTo(4);
        assertThat(summary.moved()).isEqualTo(4);
        assertThat(console.visibleCount()).isEqualTo(3);
    }

    private ChatRequested deadLettered(TenantId tenant, MessageStatus status) {
        return deadLettered(tenant, status, T0);
    }

    private ChatRequested deadLettered(TenantId tenant, MessageStatus status, Instant failedAt) {
        ChatRequested job = job(tenant);
        messages.saveQueued(new ChatMessage(tenant, job.sessionId(), job.userId(), job.messageId(), "text", status,
                5, status == MessageStatus.FAILED ? new MessageError("model_unavailable", "down") : null, T0, T0));
        console.add(job, failedAt);
        return job;
    }

    private ChatRequested job(TenantId tenant) {
        return new ChatRequested(MessageId.next(Clock.systemUTC()), tenant, UserId.of("user-1"), SessionId.random(),
                T0);
    }

    private MessageStatus status(ChatRequested job) {
        return messages.findExchange(job.tenantId(), job.sessionId(), job.messageId()).orElseThrow().message()
                .status();
    }
}
