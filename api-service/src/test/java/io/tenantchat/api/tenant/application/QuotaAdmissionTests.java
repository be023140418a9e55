package io.tenantchat.api.tenant.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantchat.api.chat.application.ChatAdmission;
import io.tenantchat.api.error.ForbiddenException;
import io.tenantchat.api.support.InMemoryQuotaLedger;
import io.tenantchat.api.support.InMemoryTenantDirectory;
import io.tenantchat.api.support.Tiers;
import io.tenantchat.api.tenant.domain.LimitKind;
import io.tenantchat.api.tenant.domain.PlanLimits;
import io.tenantchat.api.tenant.domain.QuotaPeriods;
import io.tenantchat.api.tenant.domain.TenantPlan;
import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class QuotaAdmissionTests {

    private static final TenantId ACME = TenantId.of("acme");
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC);
    private final InMemoryTenantDirectory directory = new InMemoryTenantDirectory();
    private final InMemoryQuotaLedger ledger = new InMemoryQuotaLedger();
    private final TokenEstimate estimate = new TokenEstimate(1_000, 4, 0);

    @Test
    void refusesAnUnregisteredTenantWhenThereIsNoDefaultTier() {
        QuotaAdmission admission = admission(Tiers.refusingUnknown());

        assertThatThrownBy(() -> admit(admission, 40))
                .isInstanceOfSatisfying(ForbiddenException.class, e -> assertThat(e.code()).isEqualTo("unknown_tenant"));
    }

    @Test
    void givesAnUnregisteredTenantTheDefaultTier() {
        assertThat(admit(admission(Tiers.catalog()), 40).warning()).isNull();
        assertThat(ledger.usage(ACME, new QuotaPeriods(clock.instant())).messagesToday()).isEqualTo(1);
    }

    @Test
    void refusesTheMessageAfterTheDailyLimitWithTheTimeUntilMidnight() {
        register(new PlanLimits(2, 100, 1, 1_000_000, 10, 10));
        QuotaAdmission admission = admission(Tiers.refusingUnknown());
        admit(admission, 4);
        admit(admission, 4);

        assertThatThrownBy(() -> admit(admission, 4)).isInstanceOfSatisfying(QuotaExceededException.class, e -> {
            assertThat(e.kind()).isEqualTo(LimitKind.DAILY_MESSAGES);
            assertThat(e.code()).isEqualTo("daily_message_limit");
            assertThat(e.limit()).isEqualTo(2);
            assertThat(e.resetSeconds()).isEqualTo(12 * 3600);
        });
    }

    @Test
    void reservesTheOutputCapPlusTheInputEstimateAndWarnsFromEightyPercent() {
        register(new PlanLimits(100, 100, 1, 2_500, 10, 10));
        QuotaAdmission admission = admission(Tiers.refusingUnknown());

        assertThat(admit(admission, 40).warning()).isNull(); // 1,010 of 2,500
        assertThat(admit(admission, 40).warning()).isEqualTo("monthly_tokens=80%"); // 2,020
        assertThatThrownBy(() -> admit(admission, 40)).isInstanceOfSatisfying(QuotaExceededException.class,
                e -> assertThat(e.code()).isEqualTo("token_budget_exhausted"));
    }

    @Test
    void refusesAMessageWhoseReservationAloneExceedsTheBudget() {
        register(new PlanLimits(100, 100, 1, 500, 10, 10));

        assertThatThrownBy(() -> admit(admission(Tiers.refusingUnknown()), 4))
                .isInstanceOfSatisfying(QuotaExceededException.class,
                        e -> assertThat(e.kind()).isEqualTo(LimitKind.MONTHLY_TOKENS));
        assertThat(ledger.usage(ACME, new QuotaPeriods(clock.instant())).messagesToday()).isZero();
    }

    private void register(PlanLimits limits) {
        directory.save(new TenantPlan(ACME, "Acme", "custom", limits, null, true));
    }

    private QuotaAdmission admission(TierCatalog catalog) {
        return new QuotaAdmission(new TenantPlans(directory, catalog), ledger, estimate, clock);
    }

    private ChatAdmission.Admitted admit(QuotaAdmission admission, int chars) {
        return admission.admit(ACME, SessionId.random(), MessageId.next(clock), chars);
    }
}
