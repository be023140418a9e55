package io.tenantchat.api.tenant.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class QuotaPeriodsTests {

    private final QuotaPeriods periods = new QuotaPeriods(Instant.parse("2026-11-30T23:59:58.500Z"));

    @Test
    void namesTheUtcDayAndMonth() {
        assertThat(periods.day()).isEqualTo("2026-11-30");
        assertThat(periods.month()).isEqualTo("2026-11");
    }

    @Test
    void dailyAndMonthlyLimitsResetAtTheNextUtcMidnightRoundedUpToWholeSeconds() {
        assertThat(periods.secondsUntilReset(LimitKind.DAILY_MESSAGES)).isEqualTo(2);
        assertThat(periods.secondsUntilReset(LimitKind.MONTHLY_TOKENS)).isEqualTo(2);
        assertThat(new QuotaPeriods(Instant.parse("2026-11-15T00:00:00Z")).secondsUntilReset(LimitKind.MONTHLY_MESSAGES))
                .isEqualTo(16L * 24 * 3600);
    }

    @Test
    void rateLimitsResetWithinASecond() {
        assertThat(periods.secondsUntilReset(LimitKind.REQUESTS_PER_SECOND)).isEqualTo(1);
    }

    @Test
    void windowsEndAtTheNextSecondMidnightAndMonthButInFlightHasNone() {
        assertThat(periods.windowEnd(LimitKind.REQUESTS_PER_SECOND)).contains(Instant.parse("2026-11-30T23:59:59Z"));
        assertThat(periods.windowEnd(LimitKind.DAILY_MESSAGES)).contains(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(periods.windowEnd(LimitKind.MONTHLY_TOKENS)).contains(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(periods.windowEnd(LimitKind.IN_FLIGHT)).isEmpty();
    }
}
