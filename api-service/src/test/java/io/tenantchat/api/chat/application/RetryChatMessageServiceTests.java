package io.tenantchat.api.chat.application;

import static io.tenantchat.api.support.Callers.ALICE;
import static io.tenantchat.api.support.Callers.ANNA;
import static io.tenantchat.api.support.Callers.BOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantchat.api.chat.domain.ChatMessage;
import io.tenantchat.api.chat.domain.MessageError;
import io.tenantchat.api.chat.domain.MessageStatus;
import io.tenantchat.api.error.ConflictException;
import io.tenantchat.api.error.NotFoundException;
import io.tenantchat.api.error.UnavailableException;
import io.tenantchat.api.support.InMemoryMessageStore;
import io.tenantchat.api.support.InMemoryQuotaLedger;
import io.tenantchat.api.support.InMemoryTenantDirectory;
import io.tenantchat.api.support.Tiers;
import io.tenantchat.api.tenant.application.QuotaAdmission;
import io.tenantchat.api.tenant.application.QuotaExceededException;
import io.tenantchat.api.tenant.application.TenantPlans;
import io.tenantchat.api.tenant.application.TokenEstimate;
import io.tenantchat.api.tenant.domain.PlanLimits;
import io.tenantchat.api.tenant.domain.QuotaPeriods;
import io.tenantchat.api.tenant.domain.QuotaUsage;
import io.tenantchat.api.tenant.domain.Reservation;
import io.tenantchat.api.tenant.domain.TenantPlan;
import io.tenantchat.shared.ChatRequested;
import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetryChatMessageServiceTests {

    private static final PlanLimits ONE_IN_FLIGHT = new PlanLimits(50, 1_000, 1, 200_000, 5, 1);

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC);
    private final InMemoryMessageStore messages = new InMemoryMessageStore();
    private final List<Map.Entry<ChatRequested, String>> requeued = new ArrayList<>();
    private boolean queueDown;
    private final InMemoryTenantDirectory directory = new InMemoryTenantDirectory();
    private final InMemoryQuotaLedger ledger = new InMemoryQuotaLedger();
    private final RetryChatMessageService retry = new RetryChatMessageService(messages, new ChatJobQueue() {
        @Override
        public void enqueue(ChatRequested job) {
            throw new AssertionError("a retry must requeue under a fresh deduplication id");
        }

        @Override
        public void requeue(ChatRequested job, String deduplicationId) {
            if (queueDown) {
                throw new UnavailableException("queue_unavailable", "down");
            }
            requeued.add(Map.entry(job, deduplicationId));
        }
    }, clock, new QuotaAdmission(new TenantPlans(directory, Tiers.catalog()), ledger, new TokenEstimate(100, 4, 0),
            clock));

    RetryChatMessageServiceTests() {
        directory.save(new TenantPlan(ALICE.tenantId(), "Acme", "custom", ONE_IN_FLIGHT, null, true));
    }

    @Test
    void aRetryTakesAnInFlightSlotAndReservesTokensLikeANewMessage() {
        ChatMessage failed = stored(MessageStatus.FAILED);

        retry.retry(ALICE, failed.messageId());

        QuotaUsage usage = ledger.usage(ALICE.tenantId(), new QuotaPeriods(clock.instant()));
        assertThat(usage.inFlight()).isEqualTo(1);
        assertThat(usage.tokensReserved()).isPositive();
    }

    @Test
    void aRetryBeyondTheInFlightCapIsRefusedAndChangesNothing() {
        ChatMessage failed = stored(MessageStatus.FAILED);
        ledger.reserve(new Reservation(ALICE.tenantId(), SessionId.random(), MessageId.next(clock), 100,
                clock.instant()), ONE_IN_FLIGHT);
        QuotaUsage before = ledger.usage(ALICE.tenantId(), new QuotaPeriods(clock.instant()));

        assertThatThrownBy(() -> retry.retry(ALICE, failed.messageId()))
                .isInstanceOfSatisfying(QuotaExceededException.class,
                        e -> assertThat(e.code()).isEqualTo("too_many_in_flight"));

        assertThat(status(failed)).isEqualTo(MessageStatus.FAILED);
        assertThat(requeued).isEmpty();
        assertThat(ledger.usage(ALICE.tenantId(), new QuotaPeriods(clock.instant()))).isEqualTo(before);
    }

    @Test
    void aRetryThatCannotBeQueuedGivesBackWhatItsAdmissionTook() {
        ChatMessage failed = stored(MessageStatus.FAILED);
        queueDown = true;

        assertThatThrownBy(() -> retry.retry(ALICE, failed.messageId())).isInstanceOf(UnavailableException.class);

        assertThat(ledger.usage(ALICE.tenantId(), new QuotaPeriods(clock.instant())).inFlight()).isZero();
    }

    @Test
    void failedMessageIsQueuedAgainUnderAFreshDeduplicationId() {
        ChatMessage failed = stored(MessageStatus.FAILED);

        MessageAccepted accepted = retry.retry(ALICE, failed.messageId());

        assertThat(accepted.status()).isEqualTo(MessageStatus.QUEUED);
        assertThat(status(failed)).isEqualTo(MessageStatus.QUEUED);
        assertThat(requeued).singleElement().satisfies(sent -> {
            assertThat(sent.getKey().messageId()).isEqualTo(failed.messageId());
            assertThat(sent.getKey().messageGroupId()).isEqualTo(failed.tenantId().value() + "#" + failed.sessionId().value());
            assertThat(sent.getValue()).isNotEqualTo(failed.messageId().value()).startsWith(failed.messageId().value());
        });
    }

    @Test
    void messageThatHasNotFailedIsRefusedWithAConflictAndNothingIsQueued() {
        ChatMessage completed = stored(MessageStatus.COMPLETED);

        assertThatThrownBy(() -> retry.retry(ALICE, completed.messageId())).isInstanceOf(ConflictException.class);
        assertThat(requeued).isEmpty();
    }

    @Test
    void secondRetryOfTheSameFailureIsRefusedSoOnlyOneJobIsQueued() {
        ChatMessage failed = stored(MessageStatus.FAILED);
        retry.retry(ALICE, failed.messageId());

        assertThatThrownBy(() -> retry.retry(ALICE, failed.messageId())).isInstanceOf(ConflictException.class);
        assertThat(requeued).hasSize(1);
    }

    @Test
    void anotherUsersOrTenantsMessageIsNotFound() {
        ChatMessage failed = stored(MessageStatus.FAILED);

        assertThatThrownBy(() -> retry.retry(ANNA, failed.messageId())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> retry.retry(BOB, failed.messageId())).isInstanceOf(NotFoundException.class);
        assertThat(status(failed)).isEqualTo(MessageStatus.FAILED);
    }

    @Test
    void queueOutageLeavesTheMessageFailedWithAReadableReason() {
        ChatMessage failed = stored(MessageStatus.FAILED);
        queueDown = true;

        assertThatThrownBy(() -> retry.retry(ALICE, failed.messageId())).isInstanceOf(UnavailableException.class);
        assertThat(status(failed)).isEqualTo(MessageStatus.FAILED);
    }

    private ChatMessage stored(MessageStatus status) {
        Instant now = clock.instant();
        ChatMessage message = new ChatMessage(ALICE.tenantId(), SessionId.random(), ALICE.userId(),
                MessageId.next(clock), "Hello", status, 5,
                status == MessageStatus.FAILED ? new MessageError("model_unavailable", "busy") : null, now, now);
        messages.saveQueued(message);
        return message;
    }

    private MessageStatus status(ChatMessage message) {
        return messages.findExchange(message.tenantId(), message.sessionId(), message.messageId()).orElseThrow()
                .message().status();
    }
}
