package io.tenantchat.api.tenant.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuotaUsageTests {

    private final PlanLimits limits = new PlanLimits(50, 1_000, 1, 10_000, 1, 2);

    @Test
    void countsReservedTokensTowardsTheBudget() {
        assertThat(new QuotaUsage(0, 0, 5_000, 3_000, 1, 1).tokenPercent(limits)).isEqualTo(80);
    }

    @Test
    void isActiveBelowEightyPercentWarnsFromEightyAndIsExhaustedAtALimit() {
        assertThat(new QuotaUsage(1, 1, 7_999, 0, 0, 0).status(limits)).isEqualTo("active");
        assertThat(new QuotaUsage(1, 1, 8_000, 0, 0, 0).status(limits)).isEqualTo("warning");
        assertThat(new QuotaUsage(1, 800, 0, 0, 0, 0).status(limits)).isEqualTo("warning");
        assertThat(new QuotaUsage(50, 50, 0, 0, 0, 0).status(limits)).isEqualTo("exhausted");
        assertThat(new QuotaUsage(1, 1, 9_000, 1_000, 0, 0).status(limits)).isEqualTo("exhausted");
    }

    @Test
    void overridesOnlyTheLimitsGiven() {
        assertThat(limits.with(null, 2_000, null, 99L, null, null))
                .isEqualTo(new PlanLimits(50, 2_000, 1, 99, 1, 2));
    }
}
