package io.tenantchat.api.chat.application;

import static io.tenantchat.api.support.Callers.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantchat.api.chat.domain.ChatMessage;
import io.tenantchat.api.chat.domain.IdempotencyKey;
import io.tenantchat.api.chat.domain.MessageRef;
import io.tenantchat.api.support.InMemoryMessageStore;
import io.tenantchat.api.support.InMemoryQuotaLedger;
import io.tenantchat.api.support.InMemorySessionRepository;
import io.tenantchat.api.support.InMemoryTenantDirectory;
import io.tenantchat.api.support.Tiers;
import io.tenantchat.api.tenant.application.QuotaAdmission;
import io.tenantchat.api.tenant.application.QuotaExceededException;
import io.tenantchat.api.tenant.application.TenantPlans;
import io.tenantchat.api.tenant.application.TokenEstimate;
import io.tenantchat.api.tenant.domain.LimitKind;
import io.tenantchat.api.tenant.domain.PlanLimits;
import io.tenantchat.api.tenant.domain.TenantPlan;
import io.tenantchat.shared.ChatRequested;
import io.tenantchat.shared.JobHold;
import io.tenantchat.shared.SessionId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The accept path with a {@link MessageIntake}: the message goes in with one write carrying its quota claim, the
 * job carries the message's text, its attempt and its hold (so the worker reads neither), and a limit the write
 * refused is answered as the same 429 as before.
 */
class ChatServiceIntakeTests {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC);
    private final InMemoryTenantDirectory directory = new InMemoryTenantDirectory();
    private final List<ChatRequested> queued = new ArrayList<>();
    private final List<QuotaClaim> written = new ArrayList<>();
    private QuotaRefusal refuseWith;
    private final MessageIntake intake = new MessageIntake() {
        @Override
        public Optional<MessageRef> accept(ChatMessage message, IdempotencyKey key, Instant keyExpiresAt,
                QuotaClaim claim, TurnPlacement placement) {
            if (refuseWith != null) {
                throw new QuotaRefusedException(refuseWith);
            }
            written.add(claim);
            return Optional.empty();
        }

        @Override
        public boolean requeue(MessageRef ref, QuotaClaim claim, Instant at) {
            written.add(claim);
            return true;
        }
    };
    private final ChatService chat = new ChatService(new InMemorySessionRepository(), new InMemoryMessageStore(),
            queued::add, clock, ChatLimits.defaults(), new QuotaAdmission(new TenantPlans(directory,
                    Tiers.refusingUnknown()), new InMemoryQuotaLedger(), new TokenEstimate(100, 4, 0), clock), intake);

    ChatServiceIntakeTests() {
        directory.save(new TenantPlan(ALICE.tenantId(), "Acme", "custom", new PlanLimits(10, 100, 2, 10_000, 5, 3),
                null, true));
    }

    @Test
    void theJobCarriesTheTextTheFirstAttemptAndTheHoldTheWriteTook() {
        MessageAccepted accepted = chat.submit(command());

        assertThat(written).singleElement().satisfies(claim -> {
            assertThat(claim.tokens()).isEqualTo(102); // 100 + "Hello" (5 chars) / 4 rounded up
            assertThat(claim.limits().maxInFlight()).isEqualTo(3);
            assertThat(claim.limits().concurrentSessions()).isEqualTo(2);
        });
        assertThat(queued).singleElement().satisfies(job -> {
            assertThat(job.messageId()).isEqualTo(accepted.messageId());
            assertThat(job.content()).isEqualTo("Hello");
            assertThat(job.attempt()).isEqualTo(1);
            assertThat(job.hold()).isEqualTo(new JobHold(true, 102L, "2026-11", "live"));
        });
    }

    @Test
    void aGivenConversationIsStoredOnTheMessageCarriedByTheJobAndSizesTheReservationByAllItsMessages() {
        io.tenantchat.shared.GivenConversation given = new io.tenantchat.shared.GivenConversation(List.of(
                new io.tenantchat.shared.GivenConversation.Message("system", "Be brief, be kind, be exact."),
                new io.tenantchat.shared.GivenConversation.Message("user", "Hello")), "model-a", 32, 0.5);
        List<ChatMessage> stored = new ArrayList<>();
        ChatService recording = new ChatService(new InMemorySessionRepository(), new InMemoryMessageStore(),
                queued::add, clock, ChatLimits.defaults(), new QuotaAdmission(new TenantPlans(directory,
                        Tiers.refusingUnknown()), new InMemoryQuotaLedger(), new TokenEstimate(100, 4, 0), clock),
                new MessageIntake() {
                    @Override
                    public Optional<MessageRef> accept(ChatMessage message, IdempotencyKey key, Instant keyExpiresAt,
                            QuotaClaim claim, TurnPlacement placement) {
                        stored.add(message);
                        written.add(claim);
                        return Optional.empty();
                    }

                    @Override
                    public boolean requeue(MessageRef ref, QuotaClaim claim, Instant at) {
                        return true;
                    }
                });

        recording.submit(new SubmitChatMessage(ALICE, "Hello", new TenantContext(null, null,
                SessionId.random().value()), null, null, given));

        assertThat(stored).singleElement().satisfies(message -> {
            assertThat(message.given()).isEqualTo(given);
            assertThat(message.content()).isEqualTo("Hello");
        });
        assertThat(queued).singleElement().satisfies(job -> assertThat(job.given()).isEqualTo(given));
        assertThat(written).singleElement().satisfies(claim -> assertThat(claim.tokens()).isEqualTo(109)); // 33 chars
    }

    @Test
    void aLimitTheWriteRefusedIsThe429OfThatLimit() {
        refuseWith = QuotaRefusal.IN_FLIGHT;

        assertThatThrownBy(() -> chat.submit(command())).isInstanceOfSatisfying(QuotaExceededException.class, e -> {
            assertThat(e.kind()).isEqualTo(LimitKind.IN_FLIGHT);
            assertThat(e.limit()).isEqualTo(3);
            assertThat(e.resetSeconds()).isEqualTo(2);
        });
        assertThat(queued).isEmpty();
    }

    @Test
    void aMessageLargerThanTheWholeBudgetIsRefusedBeforeAnyWrite() {
        directory.save(new TenantPlan(ALICE.tenantId(), "Acme", "custom", new PlanLimits(10, 100, 2, 50, 5, 3),
                null, true));

        assertThatThrownBy(() -> chat.submit(command())).isInstanceOfSatisfying(QuotaExceededException.class,
                e -> assertThat(e.kind()).isEqualTo(LimitKind.MONTHLY_TOKENS));
        assertThat(written).isEmpty();
    }

    private SubmitChatMessage command() {
        return new SubmitChatMessage(ALICE, "Hello", new TenantContext(null, null, SessionId.random().value()));
    }
}
