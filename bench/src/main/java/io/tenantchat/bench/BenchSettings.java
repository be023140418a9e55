package io.tenantchat.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Scenario sizes, each a system property ({@code -Dbench.<name>=<value>}, or {@code BENCH_OPTS} in scripts/bench.sh),
 * so that a full run fits in about ten minutes on a small machine and a bigger one can ask for more.
 */
record BenchSettings(int floorIterations, int ttftRequests, int ttftConcurrency, int ttftMillis,
        List<Integer> concurrencyLevels, int concurrencyTokensPerSecond, int throughputMessages,
        int throughputConcurrency, int throughputSessions, int rawMessages, int noisyFlood, int noisySessions,
        int noisyProbes) {

    static BenchSettings fromSystemProperties() {
        return new BenchSettings(
                integer("floor.iterations", 300),
                integer("ttft.requests", 40),
                integer("ttft.concurrency", 4),
                integer("ttft.millis", 1_000),
                Arrays.stream(System.getProperty("bench.concurrency.levels", "250,1000,2000").split(","))
                        .map(String::trim).map(Integer::valueOf).toList(),
                integer("concurrency.tokens-per-second", 1),
                integer("throughput.messages", 600),
                integer("throughput.concurrency", 16),
                integer("throughput.sessions", 64),
                integer("raw.messages", 2_000),
                integer("noisy.flood", 2_000),
                integer("noisy.sessions", 200),
                integer("noisy.probes", 30));
    }

    Map<String, Object> asMap() {
        return Map.ofEntries(Map.entry("floor.iterations", floorIterations), Map.entry("ttft.requests", ttftRequests),
                Map.entry("ttft.concurrency", ttftConcurrency), Map.entry("ttft.millis", ttftMillis),
                Map.entry("concurrency.levels", concurrencyLevels),
                Map.entry("concurrency.tokens-per-second", concurrencyTokensPerSecond),
                Map.entry("throughput.messages", throughputMessages),
                Map.entry("throughput.concurrency", throughputConcurrency),
                Map.entry("throughput.sessions", throughputSessions), Map.entry("raw.messages", rawMessages),
                Map.entry("noisy.flood", noisyFlood), Map.entry("noisy.sessions", noisySessions),
                Map.entry("noisy.probes", noisyProbes));
    }

    private static int integer(String name, int fallback) {
        return Integer.getInteger("bench." + name, fallback);
    }
}
