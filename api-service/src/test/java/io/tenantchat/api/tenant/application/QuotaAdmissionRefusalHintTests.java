package io.tenantchat.api.tenant.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantchat.api.identity.Caller;
import io.tenantchat.api.support.InMemoryQuotaLedger;
import io.tenantchat.api.support.InMemoryTenantDirectory;
import io.tenantchat.api.support.Tiers;
import io.tenantchat.api.tenant.domain.LimitKind;
import io.tenantchat.api.tenant.domain.PlanLimits;
import io.tenantchat.api.tenant.domain.QuotaPeriods;
import io.tenantchat.api.tenant.domain.Reservation;
import io.tenantchat.api.tenant.domain.TenantPlan;
import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QuotaAdmissionRefusalHintTests {

    private static final TenantId ACME = TenantId.of("acme");
    private static final Caller OPERATOR = new Caller(TenantId.of("platform"), UserId.of("op"),
            Set.of(Caller.PLATFORM_OPERATOR));
    private final SteppingClock clock = new SteppingClock(Instant.parse("2026-11-29T12:00:00Z"));
    private final InMemoryTenantDirectory directory = new InMemoryTenantDirectory();
    private final CountingLedger ledger = new CountingLedger();
    private final TenantPlans plans = new TenantPlans(directory, Tiers.refusingUnknown());
    private final RefusalHints hints = new RefusalHints(new RefusalHints.Windows(true, Duration.ofMillis(300),
            Duration.ofSeconds(5)));
    private final QuotaAdmission admission = new QuotaAdmission(plans, ledger, new TokenEstimate(1_000, 4, 0), clock,
            hints);

    @Test
    void refusesATenantAtItsInFlightCapAgainWithoutAskingTheLedger() {
        register(1);
        admit();
        assertThatThrownBy(this::admit).isInstanceOf(QuotaExceededException.class);
        int asked = ledger.reservations;

        assertThatThrownBy(this::admit).isInstanceOfSatisfying(QuotaExceededException.class,
                e -> assertThat(e.code()).isEqualTo("too_many_in_flight"));
        assertThat(ledger.reservations).isEqualTo(asked);
        assertThat(hints.answeredByHint()).isEqualTo(1);
    }

    @Test
    void neverAdmitsOnItsOwnAfterTheHintExpiresTheLedgerDecidesAgain() {
        register(1);
        admit();
        assertThatThrownBy(this::admit).isInstanceOf(QuotaExceededException.class);

        clock.advance(Duration.ofMillis(300));
        assertThatThrownBy(this::admit).isInstanceOf(QuotaExceededException.class);
        assertThat(hints.answeredByLedger()).isEqualTo(2);
        assertThat(ledger.usage(ACME, new QuotaPeriods(clock.instant())).inFlight()).isEqualTo(1);
    }

    @Test
    void admitsAgainOnceTheWindowHasPassedAndASlotIsFree() {
        register(1);
        MessageId first = MessageId.next(clock);
        admission.admit(ACME, SessionId.random(), first, 40);
        assertThatThrownBy(this::admit).isInstanceOf(QuotaExceededException.class);
        admission.withdraw(ACME, SessionId.random(), first);

        clock.advance(Duration.ofMillis(300));
        admit();
    }

    @Test
    void aPlanChangeOnThisInstanceDropsTheTenantsHint() {
        register(1);
        admit();
        assertThatThrownBy(this::admit).isInstanceOf(QuotaExceededException.class);

        new SubscriptionService(plans, directory, Tiers.refusingUnknown(), ledger, clock, hints,
                directory.audit().recorder(clock)).put(OPERATOR,
                new PutTenant(ACME.value(), null, "premium", null, null, null, null, null, null, 2));

        admit();
    }

    private void register(int maxInFlight) {
        directory.save(new TenantPlan(ACME, "Acme", "custom", new PlanLimits(100, 100, 10, 1_000_000, 100,
                maxInFlight), null, true));
    }

    private void admit() {
        admission.admit(ACME, SessionId.random(), MessageId.next(clock), 40);
    }

    private static final class CountingLedger extends InMemoryQuotaLedger {

        int reservations;

        @Override
        public synchronized Optional<LimitKind> reserve(Reservation r, PlanLimits limits) {
            reservations++;
            return super.reserve(r, limits);
        }
    }

    private static final class SteppingClock extends Clock {

        private Instant now;

        SteppingClock(Instant start) {
            this.now = start;
        }

        void advance(Duration step) {
            now = now.plus(step);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
