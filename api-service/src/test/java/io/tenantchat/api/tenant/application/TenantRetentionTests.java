package io.tenantchat.api.tenant.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantchat.api.chat.domain.RetentionPolicy;
import io.tenantchat.api.support.InMemoryTenantDirectory;
import io.tenantchat.api.support.Tiers;
import io.tenantchat.api.tenant.domain.TenantPlan;
import io.tenantchat.shared.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Each tenant's retention from the plan cache: the profile's days, else the tier's, else the deployment's; read with
 * the plan (no read of its own) and dropped with it when a change is announced.
 */
class TenantRetentionTests {

    static final Instant AT = Instant.parse("2026-12-03T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(AT, ZoneOffset.UTC);
    static final TenantId ACME = TenantId.of("acme");
    static final TenantId GLOBEX = TenantId.of("globex");
    static final TenantId STRANGER = TenantId.of("stranger");

    final InMemoryTenantDirectory stored = new InMemoryTenantDirectory();
    final AtomicInteger reads = new AtomicInteger();
    final TenantDirectory counted = new TenantDirectory() {
        @Override
        public Optional<TenantPlan> find(TenantId tenantId) {
            throw new AssertionError("the plan cache reads plan and profile together (terms)");
        }

        @Override
        public TenantTerms terms(TenantId tenantId) {
            reads.incrementAndGet();
            return stored.terms(tenantId);
        }

        @Override
        public void save(TenantPlan plan) {
            stored.save(plan);
        }

        @Override
        public void save(TenantPlan plan, io.tenantchat.shared.audit.AuditEntry entry) {
            stored.save(plan, entry);
        }
    };
    final PlanChanges changes = PlanChanges.inProcess();
    final TenantPlans plans = new TenantPlans(counted, Tiers.catalog(), CLOCK, Duration.ofMinutes(5), changes);
    final TenantRetention retention = new TenantRetention(plans,
            new RetentionPolicy(30, Map.of("premium", 365, "basic", 7)));

    @Test
    void aProfilesDaysWinOverTheTierDefault() {
        stored.save(plan(ACME, "premium"));
        stored.retention(ACME, 3);

        assertThat(retention.days(ACME)).isEqualTo(3);
        assertThat(retention.expiresAt(ACME, AT)).isEqualTo(AT.plus(Duration.ofDays(3)).getEpochSecond());
    }

    @Test
    void withoutAProfileChoiceTheTierDefaultAndThenTheDeploymentsApply() {
        stored.save(plan(GLOBEX, "premium"));

        assertThat(retention.days(GLOBEX)).isEqualTo(365);
        assertThat(retention.days(STRANGER)).as("unregistered: the default tier open, no default of its own")
                .isEqualTo(30);
    }

    @Test
    void aProfileOfZeroKeepsForever() {
        stored.save(plan(ACME, "basic"));
        stored.retention(ACME, 0);

        assertThat(retention.expiresAt(ACME, AT)).isNull();
    }

    @Test
    void answersFromThePlanTheAdmissionReadWithoutAReadOfItsOwn() {
        stored.save(plan(ACME, "premium"));
        stored.retention(ACME, 3);
        plans.of(ACME);

        retention.expiresAt(ACME, AT);
        retention.expiresAt(ACME, AT);

        assertThat(reads).hasValue(1);
    }

    @Test
    void aChangeAnnouncedForTheTenantAppliesToItsNextMessage() {
        stored.save(plan(ACME, "premium"));
        stored.retention(ACME, 3);
        assertThat(retention.days(ACME)).isEqualTo(3);

        stored.retention(ACME, 10);
        assertThat(retention.days(ACME)).as("cached until announced").isEqualTo(3);
        changes.publish(ACME);

        assertThat(retention.days(ACME)).isEqualTo(10);
    }

    static TenantPlan plan(TenantId tenant, String tier) {
        return new TenantPlan(tenant, tenant.value(), tier, Tiers.catalog().tier(tier).orElseThrow(), null, true);
    }
}
