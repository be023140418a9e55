package io.tenantchat.usage.metering.domain;

import static io.tenantchat.usage.support.UsageEvents.anEvent;
import static org.assertj.core.api.Assertions.assertThat;

import io.tenantchat.shared.usage.Granularity;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class RollupsTests {

    @Test
    void countsAnEventIntoEveryGranularityForTotalModelAndUser() {
        List<RollupIncrement> increments = Rollups.incrementsFor(anEvent().user("bob").model("m1").build());

        assertThat(increments).hasSize(9);
        assertThat(increments).filteredOn(i -> i.granularity() == Granularity.DAY)
                .extracting(RollupIncrement::bucket, RollupIncrement::dimension)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("2026-11-29", "total"),
                        org.assertj.core.groups.Tuple.tuple("2026-11-29", "model#m1"),
                        org.assertj.core.groups.Tuple.tuple("2026-11-29", "user#bob"));
        assertThat(increments).allSatisfy(i -> {
            assertThat(i.invocations()).isEqualTo(1);
            assertThat(i.inputTokens()).isEqualTo(100);
            assertThat(i.outputTokens()).isEqualTo(40);
            assertThat(i.unknownUsage()).isZero();
        });
    }

    @Test
    void keepsCostExactInBillionthsOfADollar() {
        assertThat(Rollups.costNanos(new BigDecimal("0.000003"))).isEqualTo(3_000);
        assertThat(Rollups.costNanos(new BigDecimal("12.345678901"))).isEqualTo(12_345_678_901L);
        assertThat(Rollups.costNanos(null)).isZero();
    }

    @Test
    void countsUnknownUsageSeparatelyInsteadOfAsZeroTokens() {
        List<RollupIncrement> increments = Rollups.incrementsFor(anEvent().tokens(null, null).cost(null).build());

        assertThat(increments).allSatisfy(i -> {
            assertThat(i.invocations()).isEqualTo(1);
            assertThat(i.unknownUsage()).isEqualTo(1);
            assertThat(i.inputTokens()).isZero();
        });
    }
}
