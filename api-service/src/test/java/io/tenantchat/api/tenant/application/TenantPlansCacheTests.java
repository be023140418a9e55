package io.tenantchat.api.tenant.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantchat.api.support.InMemoryTenantDirectory;
import io.tenantchat.api.support.Tiers;
import io.tenantchat.api.tenant.domain.PlanLimits;
import io.tenantchat.api.tenant.domain.TenantPlan;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.audit.AuditEntry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Plans cached per api instance: read once per tenant and time to live, and dropped on every instance (two here,
 * sharing one channel of plan changes) as soon as an operator saves a plan on any of them.
 */
class TenantPlansCacheTests {

    private static final TenantId ACME = TenantId.of("acme");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T12:00:00Z"));
    private final AtomicInteger reads = new AtomicInteger();
    private final InMemoryTenantDirectory stored = new InMemoryTenantDirectory();
    private final TenantDirectory directory = new TenantDirectory() {
        @Override
        public Optional<TenantPlan> find(TenantId tenantId) {
            reads.incrementAndGet();
            return stored.find(tenantId);
        }

        @Override
        public void save(TenantPlan plan) {
            stored.save(plan);
        }

        @Override
        public void save(TenantPlan plan, AuditEntry entry) {
            stored.save(plan, entry);
        }
    };
    private final PlanChanges channel = PlanChanges.inProcess();
    private final TenantPlans instanceOne = new TenantPlans(directory, Tiers.refusingUnknown(), clock,
            Duration.ofSeconds(5), channel);
    private final TenantPlans instanceTwo = new TenantPlans(directory, Tiers.refusingUnknown(), clock,
            Duration.ofSeconds(5), channel);

    @Test
    void aPlanIsReadOncePerInstanceWithinItsTimeToLive() {
        stored.save(plan(10));

        for (int i = 0; i < 5; i++) {
            instanceOne.of(ACME);
            instanceTwo.of(ACME);
        }

        assertThat(reads).hasValue(2);
    }

    @Test
    void aPlanIsReadAgainOnceItsTimeToLiveIsOver() {
        stored.save(plan(10));
        instanceOne.of(ACME);

        clock.advance(Duration.ofSeconds(5));
        instanceOne.of(ACME);

        assertThat(reads).hasValue(2);
    }

    @Test
    void aPlanChangedThroughOneInstanceHoldsAtOnceOnTheOther() {
        stored.save(plan(10));
        assertThat(instanceTwo.of(ACME).limits().messagesPerDay()).isEqualTo(10);

        stored.save(plan(1));
        instanceOne.changed(ACME);

        assertThat(instanceTwo.of(ACME).limits().messagesPerDay()).isEqualTo(1);
        assertThat(instanceOne.of(ACME).limits().messagesPerDay()).isEqualTo(1);
    }

    private static TenantPlan plan(int perDay) {
        return new TenantPlan(ACME, "Acme", "custom", new PlanLimits(perDay, 100, 2, 10_000, 5, 3), null, true);
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
