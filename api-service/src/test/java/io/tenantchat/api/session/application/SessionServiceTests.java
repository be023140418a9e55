package io.tenantchat.api.session.application;

import static io.tenantchat.api.support.Callers.ALICE;
import static io.tenantchat.api.support.Callers.ANNA;
import static io.tenantchat.api.support.Callers.BOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantchat.api.error.NotFoundException;
import io.tenantchat.api.error.TooManyRequestsException;
import io.tenantchat.api.session.domain.ChatSession;
import io.tenantchat.api.support.InMemoryQuotaLedger;
import io.tenantchat.api.support.InMemorySessionRepository;
import io.tenantchat.api.tenant.domain.PlanLimits;
import io.tenantchat.api.tenant.domain.QuotaPeriods;
import io.tenantchat.api.tenant.domain.QuotaUsage;
import io.tenantchat.api.tenant.domain.Reservation;
import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.api.support.RecordingConversationEraser;
import io.tenantchat.api.error.InvalidRequestException;
import io.tenantchat.api.session.domain.SessionTitle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SessionServiceTests {

    private static final PlanLimits ONE_IN_FLIGHT = new PlanLimits(50, 1_000, 1, 200_000, 5, 1);

    private final InMemorySessionRepository repository = new InMemorySessionRepository();
    private Clock clock = Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC);

    private final RecordingConversationEraser eraser = new RecordingConversationEraser();

    private SessionService service() {
        return new SessionService(repository, eraser, clock);
    }

    @Test
    void startsAnEmptySessionKeyedByTenantUserAndSession() {
        ChatSession session = service().start(ALICE);

        assertThat(session.tenantId()).isEqualTo(ALICE.tenantId());
        assertThat(session.userId()).isEqualTo(ALICE.userId());
        assertThat(session.messageCount()).isZero();
        assertThat(session.sessionKey()).isEqualTo("tenant-001#alice#" + session.sessionId().value());
    }

    @Test
    void refusesASessionPastTheUsersMaximumWith429AndStoresNothing() {
        SessionService capped = new SessionService(repository, eraser, clock, (t, m) -> { }, 2);
        capped.start(ALICE);
        capped.start(ALICE);

        assertThatThrownBy(() -> capped.start(ALICE)).isInstanceOfSatisfying(TooManyRequestsException.class, e -> {
            assertThat(e.code()).isEqualTo("too_many_sessions_per_user");
            assertThat(e.limit()).isEqualTo(2);
            assertThat(e.retryAfterSeconds()).isNull();
        });
        assertThat(capped.list(ALICE)).hasSize(2);
        assertThat(capped.start(ANNA)).as("a colleague is not counted").isNotNull();
    }

    @Test
    void listsOnlyTheCallersSessionsNewestFirst() {
        ChatSession older = service().start(ALICE);
        clock = Clock.offset(clock, Duration.ofMinutes(1));
        ChatSession newer = service().start(ALICE);
        service().start(ANNA);
        service().start(BOB);

        assertThat(service().list(ALICE)).containsExactly(newer, older);
    }

    @Test
    void refusesAnotherUsersOrTenantsSessionAsNotFound() {
        ChatSession alices = service().start(ALICE);

        assertThatThrownBy(() -> service().get(ANNA, alices.sessionId())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service().get(BOB, alices.sessionId())).isInstanceOf(NotFoundException.class);
        assertThat(service().get(ALICE, alices.sessionId())).isEqualTo(alices);
    }

    @Test
    void renamesOnlyTheCallersOwnSession() {
        ChatSession alices = service().start(ALICE);

        assertThat(service().rename(ALICE, alices.sessionId(), new SessionTitle("  Trip plans ")).title())
                .isEqualTo("Trip plans");
        assertThatThrownBy(() -> service().rename(ANNA, alices.sessionId(), new SessionTitle("mine")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service().rename(BOB, alices.sessionId(), new SessionTitle("mine")))
                .isInstanceOf(NotFoundException.class);
        assertThat(service().get(ALICE, alices.sessionId()).title()).isEqualTo("Trip plans");
    }

    @Test
    void refusesBlankOverlongAndControlCharacterTitles() {
        assertThatThrownBy(() -> new SessionTitle(" ")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> new SessionTitle("x".repeat(SessionTitle.MAX_LENGTH + 1)))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> new SessionTitle("a\u0000b")).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void deletesTheCallersSessionAndErasesItsMessagesUnderTheCallersTenant() {
        ChatSession alices = service().start(ALICE);

        service().delete(ALICE, alices.sessionId());

        assertThatThrownBy(() -> service().get(ALICE, alices.sessionId())).isInstanceOf(NotFoundException.class);
        assertThat(eraser.erased()).containsExactly("tenant-001#" + alices.sessionId().value());
    }

    @Test
    void deletingASessionGivesBackTheQuotaHoldsOfItsUnfinishedMessages() {
        InMemoryQuotaLedger ledger = new InMemoryQuotaLedger();
        SessionService service = new SessionService(repository, eraser, clock, ledger::release);
        ChatSession alices = service.start(ALICE);
        Reservation generating = new Reservation(ALICE.tenantId(), alices.sessionId(), MessageId.next(clock), 1_000,
                clock.instant());
        ledger.reserve(generating, ONE_IN_FLIGHT);
        eraser.unfinished(generating.messageId());

        service.delete(ALICE, alices.sessionId());

        QuotaUsage usage = ledger.usage(ALICE.tenantId(), new QuotaPeriods(clock.instant()));
        assertThat(usage.inFlight()).isZero();
        assertThat(usage.tokensReserved()).isZero();
        assertThat(ledger.reserve(new Reservation(ANNA.tenantId(), SessionId.random(), MessageId.next(clock), 1_000,
                clock.instant()), ONE_IN_FLIGHT)).as("a colleague's next message").isEmpty();
    }

    @Test
    void refusesToDeleteAnotherUsersOrTenantsSessionAndErasesNothing() {
        ChatSession alices = service().start(ALICE);

        assertThatThrownBy(() -> service().delete(ANNA, alices.sessionId())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service().delete(BOB, alices.sessionId())).isInstanceOf(NotFoundException.class);

        assertThat(eraser.erased()).isEmpty();
        assertThat(service().get(ALICE, alices.sessionId())).isEqualTo(alices);
    }
}
