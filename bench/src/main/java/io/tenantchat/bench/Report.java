package io.tenantchat.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The figures of one run: JSON for machines, Markdown (provenance, figure/target/met table, stage tables). */
final class Report {

    private final Map<String, Object> json = new LinkedHashMap<>();
    private final List<String[]> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, Map<String, Map<String, Object>>> stages = new LinkedHashMap<>();
    private double floorP50 = Double.NaN;
    private double floorP99 = Double.NaN;
    private double rawPerSecond = Double.NaN;

    Report(BenchSettings settings, Map<String, Object> provenance) {
        json.put("provenance", provenance);
        json.put("settings", settings.asMap());
    }

    void put(String key, Object value) {
        json.put(key, value);
    }

    @SuppressWarnings("unchecked")
    void provenance(String key, Object value) {
        ((Map<String, Object>) json.get("provenance")).put(key, value);
    }

    void criticalPath(FloorScenario.CriticalPath floor) {
        floorP50 = floor.total().percentileMs(50);
        floorP99 = floor.total().percentileMs(99);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("total", floor.total().summary());
        Map<String, Object> steps = new LinkedHashMap<>();
        floor.steps().forEach((step, latency) -> steps.put(step, latency.summary()));
        out.put("steps", steps);
        json.put("0a_floor_critical_path", out);
        StringBuilder each = new StringBuilder();
        floor.steps().forEach((step, latency) -> each.append(each.isEmpty() ? "" : ", ").append(step).append(' ')
                .append(ms(latency.percentileMs(50))));
        row("0a. Floor, critical path to the first token (plain SDK + Redis, sequential)",
                "p50 " + ms(floorP50) + ", p99 " + ms(floorP99), "reference", "–");
        notes.add("0a steps (p50): " + each + ".");
    }

    void chain(Latency floor) {
        json.put("0b_floor_whole_chain", floor.summary());
        row("0b. Floor, whole chain (PutItem, SendMessage, hand-off, Query, PutItem, UpdateItem)",
                "p50 " + ms(floor.percentileMs(50)) + ", p99 " + ms(floor.percentileMs(99)), "reference", "–");
    }

    void ttft(int concurrency, PairedOverhead.Result r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("concurrency", concurrency);
        out.put("overhead", Percentiles.summaryMs(r.overheadMs()));
        out.put("client_post_to_first_delta", Percentiles.summaryMs(r.clientTtftMs()));
        out.put("model_stand_in_receive_to_first_token", Percentiles.summaryMs(r.modelTtftMs()));
        out.put("overhead_before_model_post_to_stand_in_received", Percentiles.summaryMs(r.beforeModelMs()));
        out.put("overhead_after_first_token_stand_in_sent_to_client_delta", Percentiles.summaryMs(r.afterFirstTokenMs()));
        out.put("client_post_to_202", Percentiles.summaryMs(r.acceptMs()));
        out.put("unpaired", r.unpaired());
        double p50 = Percentiles.of(r.overheadMs(), 50);
        double p99 = Percentiles.of(r.overheadMs(), 99);
        out.put("multiple_of_floor_0a_p50", Latency.round(p50 / floorP50));
        out.put("multiple_of_floor_0a_p99", Latency.round(p99 / floorP99));
        json.put("1_ttft_overhead_c" + concurrency, out);
        boolean met = p50 <= 1.5 * floorP50 && p99 <= 1.5 * floorP99;
        row("1. TTFT overhead, paired per request, concurrency " + concurrency,
                r.overheadMs().length + " samples (" + r.unpaired() + " unpaired): p50 " + ms(p50) + ", p90 "
                        + ms(Percentiles.of(r.overheadMs(), 90)) + ", p99 " + ms(p99) + ", max "
                        + ms(Percentiles.of(r.overheadMs(), 100)) + "; " + out.get("multiple_of_floor_0a_p50")
                        + "× floor 0a p50, " + out.get("multiple_of_floor_0a_p99") + "× floor 0a p99; p50 split: "
                        + ms(Percentiles.of(r.beforeModelMs(), 50)) + " before the model (POST → stand-in received), "
                        + ms(Percentiles.of(r.afterFirstTokenMs(), 50)) + " after its first token (→ client's delta); "
                        + "client's POST → 202 p50 " + ms(Percentiles.of(r.acceptMs(), 50)),
                "p50 and p99 ≤ 1.5× floor 0a", met ? "yes" : "**no**");
    }

    void concurrency(List<ConcurrencyScenario.Level> levels) {
        json.put("2_worker_concurrency", levels.stream().map(ConcurrencyScenario.Level::asMap).toList());
        ConcurrencyScenario.Level held = levels.stream().filter(ConcurrencyScenario.Level::held)
                .reduce((a, b) -> b).orElse(null);
        ConcurrencyScenario.Level last = levels.isEmpty() ? null : levels.get(levels.size() - 1);
        String figure;
        if (held == null) {
            figure = last == null ? "no level ran" : "no level held: level " + last.level() + " saw at most "
                    + last.peakOpenStreams() + " streams open at once, " + last.failed() + " failed or unfinished; "
                    + stats(last);
        } else {
            figure = "level " + held.level() + " held (" + held.peakOpenStreams() + " streams open at once); "
                    + stats(held) + (last != held ? "; level " + last.level() + " not held (peak "
                    + last.peakOpenStreams() + ", " + last.failed() + " failed)" : "");
        }
        boolean met = held != null && held.level() >= 2_000 && held.heapMaxMb() <= 1_024;
        row("2. Worker concurrency (one worker as shipped, slow model)", figure, "≥ 2,000 within 1 GB heap",
                met ? "yes" : "**no**");
    }

    void probe(List<FifoReceiveProbe.Point> points) {
        json.put("2b_stand_in_fifo_receive", points.stream().map(FifoReceiveProbe.Point::asMap).toList());
        String figure = points.stream().map(p -> p.groupsInFlight() + " groups: p50 "
                + ms(p.emptyReceive().percentileMs(50)) + " (filling them took " + Latency.round(p.fillSeconds()) + " s)")
                .collect(java.util.stream.Collectors.joining("; "));
        row("2b. SQS stand-in alone: one empty FIFO ReceiveMessage while n groups hold a message in flight",
                figure, "reference", "–");
    }

    void dynamoDbCapacity(List<DynamoDbCapacityProbe.Point> points) {
        json.put("3b_stand_in_dynamodb_capacity", points.stream().map(DynamoDbCapacityProbe.Point::asMap).toList());
        double best = points.stream().mapToDouble(DynamoDbCapacityProbe.Point::messagesPerSecond).max().orElse(Double.NaN);
        String figure = points.stream().map(p -> p.clients() + " clients: " + Latency.round(p.messagesPerSecond())
                + " msg/s (one message's 4 requests p50 " + ms(p.message().percentileMs(50)) + ")")
                .collect(java.util.stream.Collectors.joining("; "));
        if (!Double.isNaN(rawPerSecond)) {
            figure += "; at most " + Latency.round(best) + " msg/s = " + Latency.round(best / rawPerSecond)
                    + "× figure 3's raw ElasticMQ";
        }
        row("3b. DynamoDB stand-in alone: messages' worth of the pipeline's DynamoDB requests answered per second "
                + "(accept and completion transactions, claim, history)", figure, "reference", "–");
    }

    private static String stats(ConcurrencyScenario.Level l) {
        return "worker heap ≤ " + l.maxHeapUsedMb() + " MB of " + l.heapMaxMb() + " MB, RSS ≤ " + l.maxRssMb()
                + " MB, ≤ " + l.maxThreads() + " threads, " + Latency.round(l.cpuSeconds()) + " CPU s in "
                + Latency.round(l.seconds()) + " s";
    }

    void throughput(ThroughputScenario.Result r, ThroughputScenario.Raw raw, int concurrency) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("senders", concurrency);
        out.put("accept_latency", r.accept().summary());
        out.put("offered", r.offered());
        out.put("accepted", r.accepted());
        out.put("completed", r.completed());
        out.put("failed", r.failed());
        out.put("offered_per_second", Latency.round(r.offeredPerSecond()));
        out.put("accepted_per_second", Latency.round(r.acceptedPerSecond()));
        out.put("completed_per_second", Latency.round(r.completedPerSecond()));
        out.put("raw_elasticmq", raw.asMap());
        rawPerSecond = raw.perSecond();
        double share = r.completedPerSecond() / raw.perSecond();
        out.put("completed_share_of_raw", Math.round(share * 100) / 100.0);
        json.put("3_throughput", out);
        row("3. Accept latency, " + concurrency + " senders", "p50 " + ms(r.accept().percentileMs(50)) + ", p99 "
                + ms(r.accept().percentileMs(99)), "–", "–");
        row("3. Throughput, fast model: offered / accepted / completed msg/s vs raw ElasticMQ ("
                        + raw.groups() + " groups, " + raw.consumers() + " consumers × " + raw.batch() + ")",
                Latency.round(r.offeredPerSecond()) + " / " + Latency.round(r.acceptedPerSecond()) + " / "
                        + Latency.round(r.completedPerSecond()) + " vs " + Latency.round(raw.perSecond()) + " = "
                        + out.get("completed_share_of_raw") + "× raw",
                "≥ 0.6× raw", share >= 0.6 ? "yes" : "**no**");
        cpu(r);
        awsRequests(r);
    }

    /** Where the cores went while figure 3 ran: CPU milliseconds per completed message by process. */
    private void cpu(ThroughputScenario.Result r) {
        int messages = Math.max(1, r.completed());
        Map<String, Object> perMessage = new LinkedHashMap<>();
        r.cpuSeconds().entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> perMessage.put(e.getKey(), Latency.round(e.getValue() * 1000 / messages)));
        double total = r.cpuSeconds().values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("cpu_ms_per_completed_message", perMessage);
        out.put("cpu_ms_per_completed_message_total", Latency.round(total * 1000 / messages));
        out.put("machine_busy_share", Latency.round(r.machineBusy()));
        json.put("3_throughput_cpu", out);
        row("3. CPU per completed message while figure 3 ran (ms, by process; machine busy share)",
                perMessage.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                        .collect(java.util.stream.Collectors.joining(", ")) + "; total " + out.get(
                        "cpu_ms_per_completed_message_total") + " ms; machine busy " + Math.round(r.machineBusy() * 100)
                        + " %", "–", "–");
    }

    private void awsRequests(ThroughputScenario.Result r) {
        int messages = Math.max(1, r.completed());
        Map<String, Double> perMessage = RequestWindow.per(r.windowRequests(), messages);
        double total = RequestWindow.total(perMessage, "ConverseStream");
        double dollars = 0;
        List<String> unpriced = new ArrayList<>();
        Map<String, Object> rounded = new LinkedHashMap<>();
        for (Map.Entry<String, Double> op : perMessage.entrySet()) {
            Double price = Prices.perRequest(op.getKey());
            if (price == null) {
                unpriced.add(op.getKey());
            } else {
                dollars += op.getValue() * price;
            }
            rounded.put(op.getKey(), Math.round(op.getValue() * 1000) / 1000.0);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("window", "first send → last completion, " + Latency.round(r.windowSeconds()) + " s, "
                + messages + " completed messages");
        out.put("requests_per_message_excluding_converse_stream", Math.round(total * 100) / 100.0);
        out.put("by_process_service_operation", rounded);
        out.put("usd_per_million_messages", Math.round(dollars * 1e6 * 100) / 100.0);
        out.put("after_window_until_usage_counted", r.afterWindowRequests());
        Map<String, Object> idle = new LinkedHashMap<>();
        r.idlePerSecond().forEach((op, n) -> idle.put(op, Math.round(n * 100) / 100.0));
        out.put("idle_requests_per_second_" + r.idleSeconds() + "s_sockets_subscribed", idle);
        out.put("not_priced", unpriced);
        out.put("price_assumptions", Prices.assumptions());
        out.put("price_sources", Prices.SOURCES);
        json.put("4_aws_requests", out);
        row("4. AWS requests per message between first send and last completion (ConverseStream excluded)",
                out.get("requests_per_message_excluding_converse_stream") + " requests; $"
                        + out.get("usd_per_million_messages") + " per million messages (AWS requests only)",
                "≤ 6", total <= 6 ? "yes" : "**no**");
        StringBuilder breakdown = new StringBuilder("Requests per message: ");
        rounded.forEach((op, n) -> breakdown.append('`').append(op).append("` ").append(n).append(", "));
        notes.add(breakdown.substring(0, breakdown.length() - 2) + ".");
        Map<String, Double> idleByService = new LinkedHashMap<>();
        r.idlePerSecond().forEach((op, n) -> idleByService.merge(op.split(" ")[0], n, Double::sum));
        StringBuilder idleNote = new StringBuilder("Idle AWS requests/s over " + r.idleSeconds()
                + " s (sockets subscribed, no traffic): ");
        idleByService.forEach((service, n) -> idleNote.append(service).append(' ')
                .append(Math.round(n * 100) / 100.0).append(", "));
        notes.add(idleByService.isEmpty() ? idleNote + "none." : idleNote.substring(0, idleNote.length() - 2) + ".");
        notes.add("Prices (us-east-1, on demand): " + String.join("; ", Prices.SOURCES) + ". Assumptions: "
                + String.join("; ", Prices.assumptions().values()) + ".");
    }

    void noisy(NoisyNeighbourScenario.Result r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("tenant_a_plan", "premium with max_in_flight " + r.maxInFlight() + " (other limits out of reach)");
        out.put("tenant_b_plan", "advanced as shipped");
        out.put("tenant_b_unloaded", r.unloaded().summary());
        out.put("tenant_b_while_a_floods", r.loaded().summary());
        out.put("tenant_b_probes_refused", r.probesRefused());
        out.put("flood_sent", r.floodSent());
        out.put("flood_accepted", r.floodAccepted());
        out.put("flood_refused", r.floodRefused());
        out.put("flood_send_seconds", Latency.round(r.floodSendSeconds()));
        double p50 = r.loaded().percentileMs(50) / r.unloaded().percentileMs(50);
        double p99 = r.loaded().percentileMs(99) / r.unloaded().percentileMs(99);
        out.put("p50_ratio", Math.round(p50 * 100) / 100.0);
        out.put("p99_ratio", Math.round(p99 * 100) / 100.0);
        json.put("5_noisy_neighbour", out);
        row("5. Noisy neighbour: B (advanced) while A (max_in_flight " + r.maxInFlight() + ") floods "
                        + r.floodSent() + " (" + r.floodAccepted() + " accepted)",
                r.loaded().count() + " probes: p50 " + ms(r.loaded().percentileMs(50)) + " vs " + ms(r.unloaded()
                        .percentileMs(50)) + " = " + out.get("p50_ratio") + "×, p99 " + ms(r.loaded().percentileMs(99))
                        + " vs " + ms(r.unloaded().percentileMs(99)) + " = " + out.get("p99_ratio") + "×",
                "p99 ≤ 2×", p99 <= 2 ? "yes" : "**no**");
    }

    /** The figure's stage table; left out when no stage recorded anything (the floors call no service). */
    void stages(String figure, Map<String, Map<String, Object>> table) {
        if (table.values().stream().allMatch(row -> Long.valueOf(0).equals(row.get("count")))) {
            return;
        }
        stages.put(figure, table);
        json.put("stages", stages);
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
        if (!stages.isEmpty()) {
            md.append("\n## Where the time goes (the services' own timers, recorded during each figure)\n");
            stages.forEach((figure, table) -> {
                md.append("\n").append(figure).append("\n\n| stage | count | mean | p50 | p99 |\n|---|---|---|---|---|\n");
                table.forEach((stage, row) -> md.append("| ").append(stage).append(" | ").append(row.get("count"))
                        .append(" | ").append(cell(row.get("mean_ms"), false)).append(" | ")
                        .append(cell(row.get("p50_ms"), Boolean.TRUE.equals(row.get("p50_at_least")))).append(" | ")
                        .append(cell(row.get("p99_ms"), Boolean.TRUE.equals(row.get("p99_at_least")))).append(" |\n"));
            });
            md.append("\np50/p99 come from the timers' histogram buckets (interpolated); ≥ where they lie past the last"
                    + " bucket (a lower limit); – where a timer publishes none or recorded nothing. Queue wait counts from"
                    + " the api's requested-at (taken as the POST begins, before admission), so it overlaps accept; relay"
                    + " counts every event (each delta), not messages.\n");
        }
        return md.toString();
    }

    private static String cell(Object ms, boolean atLeast) {
        return ms == null ? "–" : (atLeast ? "≥ " : "") + ms + " ms";
    }

    void write(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("latest.json"), Api.JSON.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(json) + "\n");
            Files.writeString(dir.resolve("latest.md"), "# TenantChat benchmark\n\n" + provenanceMarkdown() + "\n"
                    + table());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private String provenanceMarkdown() {
        StringBuilder md = new StringBuilder();
        ((Map<String, Object>) json.get("provenance")).forEach((key, value) -> md.append("- ").append(key)
                .append(": ").append(key.equals("command") ? "`" + value + "`" : value).append('\n'));
        md.append("- settings: ").append(json.get("settings")).append('\n');
        return md.toString();
    }

    private void row(String figure, String measured, String target, String met) {
        rows.add(new String[] {figure, measured, target, met});
    }

    private static String ms(double value) {
        return Double.isNaN(value) ? "–" : Latency.round(value) + " ms";
    }
}
