package io.tenantchat.api.chat.application;

import static io.tenantchat.api.support.Callers.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import io.tenantchat.api.tenant.application.RefusalHints;
import io.tenantchat.api.tenant.application.TenantPlans;
import io.tenantchat.api.tenant.application.TokenEstimate;
import io.tenantchat.api.tenant.domain.PlanLimits;
import io.tenantchat.api.tenant.domain.TenantPlan;
import io.tenantchat.shared.SessionId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ChatServiceRefusalHintTests {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC);
    private final InMemorySessionRepository sessions = new InMemorySessionRepository();
    private final InMemoryMessageStore messages = new InMemoryMessageStore();
    private final InMemoryTenantDirectory directory = new InMemoryTenantDirectory();
    private final RefusalHints hints = new RefusalHints(new RefusalHints.Windows(true, Duration.ofMillis(500),
            Duration.ofSeconds(5)));
    private final ChatService chat = new ChatService(sessions, messages, job -> { }, clock, ChatLimits.defaults(),
            new QuotaAdmission(new TenantPlans(directory, Tiers.refusingUnknown()), new InMemoryQuotaLedger(),
                    new TokenEstimate(100, 4, 0), clock, hints));
    private final ChatSession session;

    ChatServiceRefusalHintTests() {
        directory.save(new TenantPlan(ALICE.tenantId(), "Acme", "custom", new PlanLimits(1, 10, 1, 10_000, 5, 5),
                null, true));
        session = new SessionService(sessions, new RecordingConversationEraser(), clock).start(ALICE);
    }

    @Test
    void aTenantRefusedAMomentAgoIsRefusedBeforeItsSessionIsLookedUp() {
        chat.submit(command(session.sessionId()));
        assertThatThrownBy(() -> chat.submit(command(session.sessionId()))).isInstanceOf(QuotaExceededException.class);

        assertThatThrownBy(() -> chat.submit(command(SessionId.random())))
                .isInstanceOfSatisfying(QuotaExceededException.class,
                        e -> assertThat(e.code()).isEqualTo("daily_message_limit"));
        assertThat(hints.answeredByHint()).isEqualTo(1);
        assertThat(messages.all()).hasSize(1);
    }

    private SubmitChatMessage command(SessionId sessionId) {
        return new SubmitChatMessage(ALICE, "Hello", new TenantContext(null, null, sessionId.value()));
    }
}
