package io.tenantchat.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URI;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The trends the soak asserts on: a heap that keeps growing and a latency that keeps growing are seen as such. */
class SoakReportTests {

    private static final List<Soak.Service> SERVICES = List.of(new Soak.Service("api", URI.create("http://a"), null),
            new Soak.Service("worker", URI.create("http://w"), null));

    @Test
    void heapThatGrowsByAMegabyteEveryFiveSecondsGrowsTwelveMegabytesAMinute() {
        List<Soak.Sample> samples = IntStream.range(0, 7).mapToObj(i -> sample(5 * i, List.of(100L + i, 80L)))
                .toList();

        Soak.Report report = new Soak.Report(SERVICES, samples, List.of(), 30, 0, 0);

        assertThat(report.heapGrowthMbPerMinute().get(0)).isCloseTo(12.0, within(0.01));
        assertThat(report.heapGrowthMbPerMinute().get(1)).isCloseTo(0.0, within(0.01));
    }

    @Test
    void heapThatGoesUpAndDownWithoutATrendDoesNotGrow() {
        List<Long> api = List.of(100L, 103L, 99L, 102L, 100L, 101L, 100L);
        List<Soak.Sample> samples = IntStream.range(0, 7)
                .mapToObj(i -> sample(5 * i, List.of(api.get(i), 80L))).toList();

        Soak.Report report = new Soak.Report(SERVICES, samples, List.of(), 30, 0, 0);

        assertThat(report.heapGrowthMbPerMinute().get(0)).isBetween(-5.0, 5.0);
    }

    @Test
    void unreadableHeapSamplesAreLeftOutOfTheTrend() {
        List<Soak.Sample> samples = List.of(sample(0, List.of(100L, -1L)), sample(5, List.of(-1L, 80L)),
                sample(10, List.of(102L, 81L)));

        Soak.Report report = new Soak.Report(SERVICES, samples, List.of(), 30, 0, 0);

        assertThat(report.heapGrowthMbPerMinute()).containsExactly(12.0, 12.0);
    }

    @Test
    void latencyThatBuildsUpBehindABacklogHasAPositiveTrend() {
        List<Soak.Reply> replies = IntStream.range(0, 30).mapToObj(i -> new Soak.Reply(i, 1_000 + 100L * i)).toList();

        Soak.Report report = new Soak.Report(SERVICES, List.of(), replies, 30, 0, 0);

        assertThat(report.latencyGrowthMsPerSecond()).isCloseTo(100.0, within(0.01));
    }

    @Test
    void aTrendOfTooFewPointsIsNotANumberSoNoBoundHolds() {
        Soak.Report report = new Soak.Report(SERVICES, List.of(sample(0, List.of(100L, 80L))),
                List.of(new Soak.Reply(0, 900)), 1, 0, 0);

        assertThat(report.latencyGrowthMsPerSecond()).isNaN();
        assertThat(report.heapGrowthMbPerMinute().get(0)).isNaN();
        assertThat(report.latencyGrowthMsPerSecond() <= 50).isFalse();
    }

    private static Soak.Sample sample(long atSeconds, List<Long> heapMb) {
        return new Soak.Sample(atSeconds, 0, 0, 0, 0, heapMb);
    }
}
