package io.tenantchat.bench;

import io.tenantchat.localstack.launcher.LocalSystem;
import io.tenantchat.localstack.provision.TestUser;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs every benchmark in one go against the local stand-ins (./scripts/bench.sh from the repository root) and
 * writes {@code bench/results/latest.json} and {@code latest.md}. Dev-only; sizes in {@link BenchSettings}.
 */
public final class Bench {

    private Bench() {}

    public static void main(String[] args) throws Exception {
        BenchSettings settings = BenchSettings.fromSystemProperties();
        Path repoRoot = Path.of("").toAbsolutePath();
        Report report = new Report(settings);
        report.put("started_at", Instant.now().toString());
        report.put("machine", machine());
        Path results = repoRoot.resolve("bench").resolve("results");
        boolean separate = Boolean.parseBoolean(System.getProperty("bench.concurrency.separate-system", "true"));
        runOnDefaults(repoRoot, settings, report, results, !separate);
        if (separate) {
            runConcurrency(repoRoot, settings, report, results);
        }
        report.put("finished_at", Instant.now().toString());
        report.put("load_average_at_end", loadAverage());
        report.write(results);
        System.out.print(report.table());
    }

    /** Scenarios 0, 1, 3, 4, 5 on the services as shipped (their default settings). */
    private static void runOnDefaults(Path repoRoot, BenchSettings s, Report report, Path results,
            boolean concurrencyHere) throws Exception {
        try (LocalSystem system = LocalSystem.start(new LocalSystem.Options(null, false, repoRoot,
                Path.of("bench", "target", "service-logs")))) {
            if (system.redis().isEmpty()) {
                throw new IllegalStateException("redis-server is needed for reply streaming (apt-get install -y redis-server)");
            }
            Api api = new Api(system.apiBaseUrl());
            TestUser operator = system.operator("bench-ops", "operator@bench-ops.example");
            List<ServiceMetrics> services = List.of(
                    new ServiceMetrics("api", system.apiBaseUrl(), operator.idToken(), api.http()),
                    new ServiceMetrics("worker", system.workerBaseUrl(), null, api.http()),
                    new ServiceMetrics("aggregator", system.aggregatorBaseUrl(), null, api.http()));

            scenario(report, results, "0. floor", () -> report.floor(new FloorScenario(system).run(s.floorIterations())));
            scenario(report, results, "1. time to first token", () -> report.ttft(new TtftScenario(system, api,
                    system.user("bench-ttft", "ttft@bench-ttft.example"))
                    .run(s.ttftRequests(), s.ttftConcurrency(), s.ttftMillis())));
            scenario(report, results, "3. throughput and 4. AWS requests per message", () -> {
                List<TestUser> users = List.of(system.user("bench-t1", "t1@bench-t1.example"),
                        system.user("bench-t2", "t2@bench-t2.example"), system.user("bench-t3", "t3@bench-t3.example"),
                        system.user("bench-t4", "t4@bench-t4.example"));
                ThroughputScenario throughput = new ThroughputScenario(system, api, users, services);
                ThroughputScenario.Result endToEnd = throughput.endToEnd(s.throughputMessages(),
                        s.throughputConcurrency(), s.throughputSessions());
                double raw = throughput.rawQueuePerSecond(s.rawMessages(), s.throughputConcurrency());
                report.throughput(endToEnd, raw, s.throughputConcurrency());
            });
            if (concurrencyHere) {
                report.put("concurrency_worker_settings", List.of("as shipped"));
                scenario(report, results, "2. worker concurrency (worker as shipped)", () -> report.concurrency(
                        new ConcurrencyScenario(system, api, system.user("bench-c", "c@bench-c.example"), services.get(1))
                                .run(s.concurrencyLevels(), s.concurrencyTokensPerSecond())));
            }
            scenario(report, results, "5. noisy neighbour", () -> report.noisy(new NoisyNeighbourScenario(system, api,
                    system.user("bench-a", "a@bench-a.example"), system.user("bench-b", "b@bench-b.example"))
                    .run(s.noisyFlood(), s.noisySessions(), s.noisyProbes())));
        }
    }

    /** Scenario 2 on a worker allowed to take as many jobs at once as the highest level (a setting, not code). */
    private static void runConcurrency(Path repoRoot, BenchSettings s, Report report, Path results)
            throws Exception {
        int most = s.concurrencyLevels().stream().mapToInt(Integer::intValue).max().orElse(1);
        List<String> workerSettings = List.of(
                "--spring.cloud.aws.sqs.listener.max-concurrent-messages=" + (most + 10),
                "--tenantchat.model.call-timeout=180s",
                "--tenantchat.model.read-timeout=60s");
        report.put("concurrency_worker_settings", workerSettings);
        try (LocalSystem system = LocalSystem.start(new LocalSystem.Options(null, false, repoRoot,
                Path.of("bench", "target", "service-logs-concurrency"))
                .withServiceProperties("worker-service", workerSettings.toArray(String[]::new)))) {
            Api api = new Api(system.apiBaseUrl());
            scenario(report, results, "2. worker concurrency", () -> report.concurrency(new ConcurrencyScenario(system,
                    api, system.user("bench-c", "c@bench-c.example"),
                    new ServiceMetrics("worker", system.workerBaseUrl(), null, api.http()))
                    .run(s.concurrencyLevels(), s.concurrencyTokensPerSecond())));
        }
    }

    private static Map<String, Object> machine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("java", System.getProperty("java.version"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        machine.put("service_jvm_heap", "-Xmx512m (local-stack ServiceJvm)");
        machine.put("load_average_at_start", loadAverage());
        return machine;
    }

    interface Scenario {
        void run() throws Exception;
    }

    /** Runs one scenario; a failure is written into the results instead of ending the run. Writes the files after it. */
    private static void scenario(Report report, Path results, String name, Scenario scenario) {
        log(name);
        try {
            scenario.run();
        } catch (Exception | AssertionError e) {
            report.failed(name, e);
            e.printStackTrace();
        }
        report.write(results);
    }

    /** 1, 5 and 15 minute load averages (Linux), so a run on a busy machine says so. */
    private static String loadAverage() {
        try {
            String[] parts = java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (java.io.IOException | RuntimeException unknown) {
            return "unknown";
        }
    }

    static void log(String what) {
        System.out.println("bench: " + Instant.now() + " " + what);
    }
}
