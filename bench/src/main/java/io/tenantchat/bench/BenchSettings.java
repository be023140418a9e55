package io.tenantchat.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scenario sizes, each a system property ({@code -Dbench.<name>=<value>}, or {@code BENCH_OPTS} in scripts/bench.sh).
 * Two sets of defaults: the full run (about 10–20 minutes on an idle machine) and {@code -Dbench.quick=true}
 * ({@code ./scripts/bench.sh --quick}, a few minutes, for a developer checking a change; never replaces latest.*).
 */
record BenchSettings(boolean quick, int floorIterations, int ttftRequests, List<Integer> ttftConcurrency, int ttftMillis,
        List<Integer> concurrencyLevels, int concurrencyTokensPerSecond, int concurrencyObserveSeconds,
        List<Integer> probeGroups, int probeSamples, List<Integer> dynamoDbClients, int dynamoDbSeconds,
        int throughputMessages, int throughputConcurrency, int throughputSessions, int rawMessages, int rawConsumers,
        int rawBatch, int idleSeconds, int noisyFlood, int noisySessions, int noisyProbes, int noisyFloodPerSecond,
        int noisyMaxInFlight) {

    static BenchSettings fromSystemProperties() {
        boolean quick = Boolean.getBoolean("bench.quick");
        return new BenchSettings(quick,
                integer("floor.iterations", quick ? 30 : 300),
                integer("ttft.requests", quick ? 24 : 300),
                integers("ttft.concurrency", quick ? "1,8" : "1,32"),
                integer("ttft.millis", 50),
                integers("concurrency.levels", quick ? "20" : "100,500,1000,2000"),
                integer("concurrency.tokens-per-second", quick ? 5 : 1),
                integer("concurrency.observe-seconds", quick ? 20 : 90),
                integers("probe.groups", quick ? "100,250" : "250,500,1000"),
                integer("probe.samples", quick ? 5 : 10),
                integers("dynamodb.clients", quick ? "1,8" : "1,16,64"),
                integer("dynamodb.seconds", quick ? 5 : 15),
                integer("throughput.messages", quick ? 100 : 1_000),
                integer("throughput.concurrency", quick ? 16 : 64),
                integer("throughput.sessions", quick ? 16 : 64),
                integer("raw.messages", quick ? 300 : 2_000),
                integer("raw.consumers", 2),
                integer("raw.batch", 5),
                integer("idle.seconds", quick ? 5 : 30),
                integer("noisy.flood", quick ? 100 : 2_000),
                integer("noisy.sessions", quick ? 20 : 200),
                integer("noisy.probes", quick ? 10 : 50),
                integer("noisy.flood-per-second", 50),
                integer("noisy.max-in-flight", 5));
    }

    Map<String, Object> asMap() {
        Map<String, Object> out = new TreeMap<>();
        out.put("quick", quick);
        out.put("floor.iterations", floorIterations);
        out.put("ttft.requests", ttftRequests);
        out.put("ttft.concurrency", ttftConcurrency);
        out.put("ttft.millis", ttftMillis);
        out.put("concurrency.levels", concurrencyLevels);
        out.put("concurrency.tokens-per-second", concurrencyTokensPerSecond);
        out.put("concurrency.observe-seconds", concurrencyObserveSeconds);
        out.put("probe.groups", probeGroups);
        out.put("probe.samples", probeSamples);
        out.put("dynamodb.clients", dynamoDbClients);
        out.put("dynamodb.seconds", dynamoDbSeconds);
        out.put("throughput.messages", throughputMessages);
        out.put("throughput.concurrency", throughputConcurrency);
        out.put("throughput.sessions", throughputSessions);
        out.put("raw.messages", rawMessages);
        out.put("raw.consumers", rawConsumers);
        out.put("raw.batch", rawBatch);
        out.put("idle.seconds", idleSeconds);
        out.put("noisy.flood", noisyFlood);
        out.put("noisy.sessions", noisySessions);
        out.put("noisy.probes", noisyProbes);
        out.put("noisy.flood-per-second", noisyFloodPerSecond);
        out.put("noisy.max-in-flight", noisyMaxInFlight);
        return out;
    }

    private static int integer(String name, int fallback) {
        return Integer.getInteger("bench." + name, fallback);
    }

    private static List<Integer> integers(String name, String fallback) {
        return Arrays.stream(System.getProperty("bench." + name, fallback).split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).map(Integer::valueOf).toList();
    }
}
