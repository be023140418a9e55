package io.tenantchat.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PercentilesTests {

    private static final double[] ONE_TO_HUNDRED = IntStream.rangeClosed(1, 100).mapToDouble(i -> i).toArray();

    @Test
    void nearestRankPicksTheSmallestSampleWithThatShareAtOrBelowIt() {
        assertThat(Percentiles.of(ONE_TO_HUNDRED, 50)).isEqualTo(50);
        assertThat(Percentiles.of(ONE_TO_HUNDRED, 90)).isEqualTo(90);
        assertThat(Percentiles.of(ONE_TO_HUNDRED, 99)).isEqualTo(99);
        assertThat(Percentiles.of(ONE_TO_HUNDRED, 100)).isEqualTo(100);
        assertThat(Percentiles.of(new double[] {7, 1, 3}, 50)).isEqualTo(3);
    }

    @Test
    void p99OfFewSamplesIsTheirMaximumNotAnInterpolation() {
        assertThat(Percentiles.of(new double[] {10, 20, 30, 40, 1000}, 99)).isEqualTo(1000);
    }

    @Test
    void unsortedInputIsLeftAsItWas() {
        double[] samples = {3, 1, 2};
        Percentiles.of(samples, 50);
        assertThat(samples).containsExactly(3, 1, 2);
    }

    @Test
    void noSamplesGiveNoFigureAndABadPercentileIsRefused() {
        assertThat(Percentiles.of(new double[0], 50)).isNaN();
        assertThat(Percentiles.summaryMs(new double[0])).containsEntry("count", 0).containsEntry("p99_ms", null);
        assertThatIllegalArgumentException().isThrownBy(() -> Percentiles.of(ONE_TO_HUNDRED, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> Percentiles.of(ONE_TO_HUNDRED, 101));
    }

    @Test
    void summaryGivesCountP50P90P99AndMax() {
        assertThat(Percentiles.summaryMs(ONE_TO_HUNDRED)).containsEntry("count", 100).containsEntry("p50_ms", 50.0)
                .containsEntry("p90_ms", 90.0).containsEntry("p99_ms", 99.0).containsEntry("max_ms", 100.0);
    }
}
