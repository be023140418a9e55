package io.tenantchat.api.chat.application;

import static io.tenantchat.api.support.Callers.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantchat.api.chat.domain.IdempotencyKey;
import io.tenantchat.api.error.UnavailableException;
import io.tenantchat.api.session.application.SessionService;
import io.tenantchat.api.session.domain.ChatSession;
import io.tenantchat.api.support.InMemoryMessageStore;
import io.tenantchat.api.support.InMemoryQuotaLedger;
import io.tenantchat.api.support.InMemorySessionRepository;
import io.tenantchat.api.support.InMemoryTenantDirectory;
import io.tenantchat.api.support.RecordingConversationEraser;
import io.tenantchat.api.support.Tiers;
import io.tenantchat.api.tenant.application.QuotaAdmission;
import io.tenantchat.api.tenant.application.QuotaExceededException;
import io.tenantchat.api.tenant.application.TenantPlans;
import io.tenantchat.api.tenant.application.TokenEstimate;
import io.tenantchat.api.tenant.domain.PlanLimits;
import io.tenantchat.api.tenant.domain.QuotaPeriods;
import io.tenantchat.api.tenant.domain.QuotaUsage;
import io.tenantchat.api.tenant.domain.TenantPlan;
import io.tenantchat.shared.ChatRequested;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatServiceQuotaTests {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC);
    private final InMemorySessionRepository sessions = new InMemorySessionRepository();
    private final InMemoryMessageStore messages = new InMemoryMessageStore();
    private final InMemoryTenantDirectory directory = new InMemoryTenantDirectory();
    private final InMemoryQuotaLedger ledger = new InMemoryQuotaLedger();
    private final List<ChatRequested> queued = new ArrayList<>();
    private boolean queueDown;
    private final ChatService chat = new ChatService(sessions, messages, job -> {
        if (queueDown) {
            throw new UnavailableException("queue_unavailable", "down");
        }
        queued.add(job);
    }, clock, ChatLimits.defaults(), new QuotaAdmission(new TenantPlans(directory, Tiers.refusingUnknown()), ledger,
            new TokenEstimate(100, 4, 0), clock));
    private final ChatSession session;

    ChatServiceQuotaTests() {
        directory.save(new TenantPlan(ALICE.tenantId(), "Acme", "custom", new PlanLimits(1, 10, 1, 10_000, 5, 5),
                null, true));
        session = new SessionService(sessions, new RecordingConversationEraser(), clock).start(ALICE);
    }

    @Test
    void aRefusedMessageIsNeitherStoredNorQueued() {
        chat.submit(command(null));

        assertThatThrownBy(() -> chat.submit(command(null))).isInstanceOf(QuotaExceededException.class);
        assertThat(messages.all()).hasSize(1);
        assertThat(queued).hasSize(1);
    }

    @Test
    void aMessageThatCouldNotBeQueuedGivesBackItsInFlightSlotAndTokens() {
        queueDown = true;

        assertThatThrownBy(() -> chat.submit(command(null))).isInstanceOf(UnavailableException.class);
        assertThat(usage()).satisfies(u -> {
            assertThat(u.inFlight()).isZero();
            assertThat(u.tokensReserved()).isZero();
        });
    }

    @Test
    void aRepeatedRequestGivesBackWhatItsSecondAdmissionTook() {
        directory.save(new TenantPlan(ALICE.tenantId(), "Acme", "custom", new PlanLimits(10, 10, 1, 10_000, 5, 5),
                null, true));
        IdempotencyKey key = new IdempotencyKey("k-1");
        MessageAccepted first = chat.submit(command(key));

        MessageAccepted again = chat.submit(command(key));

        assertThat(again.messageId()).isEqualTo(first.messageId());
        assertThat(usage().inFlight()).isEqualTo(1);
        assertThat(usage().messagesToday()).isEqualTo(1);
        assertThat(usage().tokensReserved()).isEqualTo(102); // 100 + "Hello" (5 chars) / 4 rounded up
        assertThat(queued).hasSize(1);
    }

    private QuotaUsage usage() {
        return ledger.usage(ALICE.tenantId(), new QuotaPeriods(clock.instant()));
    }

    private SubmitChatMessage command(IdempotencyKey key) {
        return new SubmitChatMessage(ALICE, "Hello", new TenantContext(null, null, session.sessionId().value()), key);
    }
}
