package io.tenantchat.api.tenant.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantchat.api.tenant.domain.LimitKind;
import io.tenantchat.shared.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RefusalHintsTests {

    private static final TenantId ACME = TenantId.of("acme");
    private static final Instant NOON = Instant.parse("2026-11-29T12:00:00.700Z");
    private final RefusalHints hints = new RefusalHints(new RefusalHints.Windows(true, Duration.ofMillis(300),
            Duration.ofSeconds(5)));

    @Test
    void refusesAgainWithinTheInFlightWindowWithTheSameProblemAndNotAfterIt() {
        hints.remember(ACME, LimitKind.IN_FLIGHT, 4, 1_000, NOON);

        assertThat(hints.refusal(ACME, 1_000, NOON.plusMillis(299))).hasValueSatisfying(e -> {
            assertThat(e.code()).isEqualTo("too_many_in_flight");
            assertThat(e.limit()).isEqualTo(4);
            assertThat(e.resetSeconds()).isEqualTo(2);
        });
        assertThat(hints.refusal(ACME, 1_000, NOON.plusMillis(300))).isEmpty();
        assertThat(hints.size()).as("the expired hint is dropped").isZero();
    }

    @Test
    void remembersARateRefusalUntilItsSecondEnds() {
        hints.remember(ACME, LimitKind.REQUESTS_PER_SECOND, 5, 1_000, NOON);

        assertThat(hints.refusal(ACME, 1_000, Instant.parse("2026-11-29T12:00:00.999Z")))
                .hasValueSatisfying(e -> assertThat(e.code()).isEqualTo("rate_limited"));
        assertThat(hints.refusal(ACME, 1_000, Instant.parse("2026-11-29T12:00:01Z"))).isEmpty();
    }

    @Test
    void remembersADailyCapForTheLongestWindowAtMostAndAnswersTheTimeUntilMidnight() {
        hints.remember(ACME, LimitKind.DAILY_MESSAGES, 50, 1_000, NOON);

        assertThat(hints.refusal(ACME, 1_000, NOON.plusMillis(4_999))).hasValueSatisfying(e -> {
            assertThat(e.code()).isEqualTo("daily_message_limit");
            assertThat(e.limit()).isEqualTo(50);
            assertThat(e.resetSeconds()).isEqualTo(12 * 3600 - 5);
        });
        assertThat(hints.refusal(ACME, 1_000, NOON.plusSeconds(5))).isEmpty();
    }

    @Test
    void neverRemembersADailyCapPastMidnight() {
        Instant late = Instant.parse("2026-11-29T23:59:58.500Z");
        hints.remember(ACME, LimitKind.DAILY_MESSAGES, 50, 1_000, late);

        assertThat(hints.refusal(ACME, 1_000, Instant.parse("2026-11-29T23:59:59.999Z"))).isPresent();
        assertThat(hints.refusal(ACME, 1_000, Instant.parse("2026-11-30T00:00:00Z"))).isEmpty();
    }

    @Test
    void refusesOnlyMessagesReservingAtLeastTheTokensTheBudgetRefused() {
        hints.remember(ACME, LimitKind.MONTHLY_TOKENS, 200_000, 1_500, NOON);

        assertThat(hints.refusal(ACME, 1_500, NOON.plusSeconds(1)))
                .hasValueSatisfying(e -> assertThat(e.code()).isEqualTo("token_budget_exhausted"));
        assertThat(hints.refusal(ACME, 1_499, NOON.plusSeconds(1))).as("a smaller message may still fit").isEmpty();
    }

    @Test
    void doesNotRememberASessionRefusalBecauseAnotherSessionMayBeAdmitted() {
        hints.remember(ACME, LimitKind.CONCURRENT_SESSIONS, 1, 1_000, NOON);

        assertThat(hints.refusal(ACME, 1_000, NOON)).isEmpty();
        assertThat(hints.answeredByLedger()).isEqualTo(1);
    }

    @Test
    void concernsOnlyTheRefusedTenant() {
        hints.remember(ACME, LimitKind.IN_FLIGHT, 4, 1_000, NOON);

        assertThat(hints.refusal(TenantId.of("globex"), 1_000, NOON)).isEmpty();
    }

    @Test
    void forgetsATenantWhosePlanChanged() {
        hints.remember(ACME, LimitKind.DAILY_MESSAGES, 50, 1_000, NOON);
        hints.forget(ACME);

        assertThat(hints.refusal(ACME, 1_000, NOON)).isEmpty();
    }

    @Test
    void switchedOffRemembersNothingButStillCountsTheLedgersRefusals() {
        RefusalHints off = RefusalHints.disabled();
        off.remember(ACME, LimitKind.DAILY_MESSAGES, 50, 1_000, NOON);

        assertThat(off.refusal(ACME, 1_000, NOON)).isEmpty();
        assertThat(off.size()).isZero();
        assertThat(off.answeredByLedger()).isEqualTo(1);
        assertThat(off.answeredByHint()).isZero();
    }

    @Test
    void holdsOneHintPerTenantAndDropsExpiredOnesOfOtherTenants() {
        IntStream.range(0, 100).forEach(i -> hints.remember(TenantId.of("t" + i), LimitKind.IN_FLIGHT, 4, 1_000, NOON));
        hints.remember(TenantId.of("t0"), LimitKind.DAILY_MESSAGES, 50, 1_000, NOON);
        assertThat(hints.size()).isEqualTo(100);

        hints.remember(ACME, LimitKind.IN_FLIGHT, 4, 1_000, NOON.plusSeconds(6));

        assertThat(hints.size()).isEqualTo(1);
    }

    @Test
    void countsTheRefusalsEachPathAnswered() {
        hints.remember(ACME, LimitKind.IN_FLIGHT, 4, 1_000, NOON);
        hints.refusal(ACME, 1_000, NOON.plusMillis(10));
        hints.refusal(ACME, 1_000, NOON.plusMillis(20));
        hints.refusal(ACME, 1_000, NOON.plusSeconds(1));

        assertThat(hints.answeredByHint()).isEqualTo(2);
        assertThat(hints.answeredByLedger()).isEqualTo(1);
    }
}
