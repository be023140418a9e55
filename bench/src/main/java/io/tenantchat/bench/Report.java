package io.tenantchat.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The figures of one run: JSON for machines, a Markdown table (figure, target, met?) for README. */
final class Report {

    private final Map<String, Object> json = new LinkedHashMap<>();
    private final List<String[]> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private double floorP50;
    private double floorP99;

    Report(BenchSettings settings) {
        json.put("settings", new java.util.TreeMap<>(settings.asMap()));
    }

    void put(String key, Object value) {
        json.put(key, value);
    }

    void floor(Latency floor) {
        floorP50 = floor.percentileMs(50);
        floorP99 = floor.percentileMs(99);
        json.put("0_floor", floor.summary());
        row("0. Floor: plain SDK chain (PutItem, SendMessage, hand-off, Query, PutItem, UpdateItem)",
                "p50 " + ms(floorP50) + ", p99 " + ms(floorP99), "reference", "–");
    }

    void ttft(TtftScenario.Result r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("direct_converse_stream", r.direct().summary());
        out.put("pipeline_post_to_first_delta", r.pipeline().summary());
        Map<String, Object> overhead = new LinkedHashMap<>();
        double[] ps = {50, 95, 99};
        for (double p : ps) {
            overhead.put("p" + (int) p + "_ms", Latency.round(r.pipeline().percentileMs(p) - r.direct().percentileMs(p)));
        }
        double o50 = r.pipeline().percentileMs(50) - r.direct().percentileMs(50);
        double o99 = r.pipeline().percentileMs(99) - r.direct().percentileMs(99);
        overhead.put("ratio_pipeline_to_direct_p50", Latency.round(r.pipeline().percentileMs(50) / r.direct().percentileMs(50) * 100) / 100);
        overhead.put("multiple_of_floor_p50", Latency.round(o50 / floorP50 * 10) / 10);
        overhead.put("multiple_of_floor_p99", Latency.round(o99 / floorP99 * 10) / 10);
        out.put("overhead", overhead);
        json.put("1_time_to_first_token", out);
        boolean met = o50 <= 1.5 * floorP50 && o99 <= 1.5 * floorP99;
        row("1. TTFT overhead (pipeline − direct, model TTFT " + ms(r.direct().percentileMs(50)) + " direct p50)",
                "p50 " + ms(o50) + ", p95 " + overhead.get("p95_ms") + " ms, p99 " + ms(o99) + "; ratio "
                        + overhead.get("ratio_pipeline_to_direct_p50") + "×; " + overhead.get("multiple_of_floor_p50")
                        + "× floor p50, " + overhead.get("multiple_of_floor_p99") + "× floor p99",
                "≤ 1.5× floor at p50 and p99", met ? "yes" : "**no**");
    }

    void concurrency(List<ConcurrencyScenario.Level> levels) {
        json.put("2_worker_concurrency", levels.stream().map(ConcurrencyScenario.Level::asMap).toList());
        ConcurrencyScenario.Level held = null;
        for (ConcurrencyScenario.Level level : levels) {
            if (level.failed() == 0 && level.peakOpenStreams() >= 0.9 * level.level()) {
                held = level;
            }
        }
        ConcurrencyScenario.Level best = levels.stream()
                .max(java.util.Comparator.comparingInt(ConcurrencyScenario.Level::peakOpenStreams)).orElse(null);
        String figure = held == null
                ? (best == null ? "no level ran" : "no level held: at most " + best.peakOpenStreams()
                        + " concurrent streams (level " + best.level() + ", " + best.failed()
                        + " failed or unfinished), worker heap ≤ " + best.maxHeapUsedMb() + " MB used")
                : held.peakOpenStreams() + " concurrent streams (level " + held.level() + "), worker heap ≤ "
                        + held.maxHeapUsedMb() + " MB used of " + held.heapMaxMb() + " MB max";
        boolean met = held != null && held.peakOpenStreams() >= 2_000 && held.heapMaxMb() <= 1_024;
        row("2. Worker concurrency (one worker, slow model)", figure, "≥ 2,000 within 1 GB heap", met ? "yes" : "**no**");
    }

    void throughput(ThroughputScenario.Result r, double rawPerSecond, int concurrency) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("accept_latency", r.accept().summary());
        out.put("concurrency", concurrency);
        out.put("messages", r.messages());
        out.put("failed", r.failed());
        out.put("end_to_end_per_second", Latency.round(r.perSecond()));
        out.put("raw_elasticmq_per_second", Latency.round(rawPerSecond));
        out.put("end_to_end_share_of_raw", Latency.round(r.perSecond() / rawPerSecond * 100) / 100);
        json.put("3_throughput", out);
        row("3. Accept latency, " + concurrency + " concurrent senders",
                "p50 " + ms(r.accept().percentileMs(50)) + ", p99 " + ms(r.accept().percentileMs(99)), "–", "–");
        row("3. End-to-end completed msg/s vs raw ElasticMQ send→receive→delete",
                Latency.round(r.perSecond()) + " vs " + Latency.round(rawPerSecond) + " msg/s = "
                        + out.get("end_to_end_share_of_raw") + "× raw",
                "≥ 0.6× raw", r.perSecond() >= 0.6 * rawPerSecond ? "yes" : "**no**");
        awsRequests(r);
    }

    private void awsRequests(ThroughputScenario.Result r) {
        Map<String, Object> perOperation = new LinkedHashMap<>();
        double total = 0;
        double dollars = 0;
        List<String> unpriced = new ArrayList<>();
        for (Map.Entry<String, Long> op : r.awsRequests().entrySet()) {
            double perMessage = op.getValue() / (double) r.messages();
            total += perMessage;
            Double price = Prices.perRequest(op.getKey());
            if (price == null) {
                unpriced.add(op.getKey());
            } else {
                dollars += perMessage * price;
            }
            perOperation.put(op.getKey(), Math.round(perMessage * 1000) / 1000.0);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("requests_per_message", Math.round(total * 100) / 100.0);
        out.put("by_process_service_operation", perOperation);
        out.put("usd_per_million_messages", Math.round(dollars * 1e6 * 100) / 100.0);
        out.put("not_priced", unpriced);
        out.put("price_assumptions", Prices.assumptions());
        out.put("price_sources", Prices.SOURCES);
        json.put("4_aws_requests", out);
        row("4. AWS requests per chat message (all three services, idle polls included)",
                out.get("requests_per_message") + " requests; $" + out.get("usd_per_million_messages")
                        + " per million messages (AWS requests only, Bedrock tokens excluded)",
                "≤ 6", total <= 6 ? "yes" : "**no**");
        StringBuilder breakdown = new StringBuilder("Requests per message: ");
        perOperation.forEach((op, n) -> breakdown.append('`').append(op).append("` ").append(n).append(", "));
        notes.add(breakdown.substring(0, breakdown.length() - 2) + ".");
        notes.add("Prices (us-east-1, on demand): " + String.join("; ", Prices.SOURCES) + ". Assumptions: "
                + String.join("; ", Prices.assumptions().values()) + ".");
    }

    void noisy(NoisyNeighbourScenario.Result r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("tenant_b_unloaded", r.unloaded().summary());
        out.put("tenant_b_while_a_floods", r.loaded().summary());
        out.put("flood_messages", r.floodSent());
        out.put("flood_send_seconds", Latency.round(r.floodSendSeconds()));
        double ratio = r.loaded().percentileMs(99) / r.unloaded().percentileMs(99);
        out.put("p99_ratio", Latency.round(ratio * 10) / 10);
        json.put("5_noisy_neighbour", out);
        row("5. Noisy neighbour: tenant B reply p99 while A floods " + r.floodSent() + " messages",
                ms(r.loaded().percentileMs(99)) + " vs " + ms(r.unloaded().percentileMs(99)) + " unloaded = "
                        + out.get("p99_ratio") + "×", "≤ 2×", ratio <= 2 ? "yes" : "**no**");
    }

    void failed(String scenario, Throwable error) {
        Throwable root = error;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage()).replace('|', '/').replace('\n', ' ');
        json.put("failed: " + scenario, root.getClass().getSimpleName() + ": " + message);
        row(scenario, "**did not finish**: " + root.getClass().getSimpleName() + ": "
                + message.substring(0, Math.min(200, message.length())), "–", "**no**");
    }

    String table() {
        StringBuilder md = new StringBuilder("| figure | measured | target | met |\n|---|---|---|---|\n");
        rows.forEach(r -> md.append("| ").append(String.join(" | ", r)).append(" |\n"));
        notes.forEach(n -> md.append('\n').append(n).append('\n'));
        return md.toString();
    }

    void write(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("latest.json"), Api.JSON.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(json) + "\n");
            Files.writeString(dir.resolve("latest.md"), "# TenantChat benchmark, " + json.get("started_at")
                    + "\n\nMachine: " + json.get("machine") + ", load average at the end "
                    + json.get("load_average_at_end") + ". Command: `./scripts/bench.sh`. Settings: "
                    + json.get("settings") + ".\n\n" + table());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void row(String figure, String measured, String target, String met) {
        rows.add(new String[] {figure, measured, target, met});
    }

    private static String ms(double value) {
        return Latency.round(value) + " ms";
    }
}
