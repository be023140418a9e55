package io.tenantchat.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Where the time goes: the services' own timers scraped before and after a figure, so the table shows what was
 * recorded during that figure only. Stages in pipeline order: accept (api, POST /api/chat; then its use case
 * without the web stack, and the use case's one write and job send), queue wait (worker),
 * pre-model (worker, job received → model called), model TTFT (worker, model called → first text), relay to
 * socket (api, Redis event received → handed to the WebSocket).
 */
final class Stages {

    private record Stage(String name, int service, String timer, Predicate<Map<String, String>> series) {
    }

    private static final List<Stage> STAGES = List.of(
            new Stage("accept (api POST /api/chat)", 0, "http_server_requests_seconds",
                    l -> "POST".equals(l.get("method")) && "/api/chat".equals(l.get("uri"))),
            new Stage("accept: use case (no web stack)", 0, "tenantchat_chat_accept_seconds", l -> true),
            new Stage("accept: one write (TransactWriteItems, group commit)", 0, "tenantchat_chat_intake_seconds",
                    l -> true),
            new Stage("accept: job send (SendMessage)", 0, "tenantchat_chat_job_send_seconds", l -> true),
            new Stage("queue wait (worker)", 1, "tenantchat_queue_wait_seconds", l -> true),
            new Stage("pre-model (worker: received → model called)", 1, "tenantchat_reply_pre_model_seconds", l -> true),
            new Stage("model TTFT (worker: called → first text)", 1, "tenantchat_model_ttft_seconds", l -> true),
            new Stage("relay to socket (api: Redis event → WebSocket)", 0, "tenantchat_stream_relay_seconds", l -> true));

    private final ServiceMetrics api;
    private final ServiceMetrics worker;

    Stages(ServiceMetrics api, ServiceMetrics worker) {
        this.api = api;
        this.worker = worker;
    }

    /** One scrape of both services. */
    record Snapshot(List<Prometheus.Sample> api, List<Prometheus.Sample> worker) {
    }

    Snapshot snapshot() {
        return new Snapshot(api.scrape(), worker.scrape());
    }

    /** Stage → {count, mean, p50, p99 (ms; percentiles only where the timer publishes buckets)} since {@code before}. */
    static Map<String, Map<String, Object>> between(Snapshot before, Snapshot after) {
        Map<String, Map<String, Object>> table = new LinkedHashMap<>();
        for (Stage stage : STAGES) {
            List<Prometheus.Sample> b = stage.service() == 0 ? before.api() : before.worker();
            List<Prometheus.Sample> a = stage.service() == 0 ? after.api() : after.worker();
            Prometheus.Timer window = Prometheus.timer(a, stage.timer(), stage.series())
                    .minus(Prometheus.timer(b, stage.timer(), stage.series()));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("count", (long) window.count());
            row.put("mean_ms", round(window.meanMs()));
            row.put("p50_ms", round(window.percentileMs(50)));
            row.put("p99_ms", round(window.percentileMs(99)));
            row.put("p50_at_least", window.beyondBuckets(50));
            row.put("p99_at_least", window.beyondBuckets(99));
            table.put(stage.name(), row);
        }
        return table;
    }

    private static Double round(Double ms) {
        return ms == null || ms.isNaN() ? null : Percentiles.round(ms);
    }
}
