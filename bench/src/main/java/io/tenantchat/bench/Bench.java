package io.tenantchat.bench;

import io.tenantchat.localstack.launcher.LocalSystem;
import io.tenantchat.localstack.provision.TestUser;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs every benchmark in one go against the local stand-ins (./scripts/bench.sh from the repository root), on
 * the services as shipped, and writes {@code latest.json} and {@code latest.md}: into {@code bench/results} for a
 * full run from a clean tree (or {@code -Dbench.allow-dirty=true}), else into {@code bench/target/bench-results}.
 * Sizes in {@link BenchSettings}; provenance in {@link Provenance}.
 */
public final class Bench {

    private Bench() {}

    public static void main(String[] args) throws Exception {
        BenchSettings settings = BenchSettings.fromSystemProperties();
        Path repoRoot = Path.of("").toAbsolutePath();
        Instant started = Instant.now();
        String loadAtStart = Provenance.loadAverage();
        int cores = Runtime.getRuntime().availableProcessors();
        boolean dirty = Provenance.gitDirty(repoRoot);
        boolean allowDirty = Boolean.getBoolean("bench.allow-dirty");
        Path results = Provenance.resultsDir(repoRoot, dirty, allowDirty, settings.quick());
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("git_sha", Provenance.gitSha(repoRoot));
        provenance.put("git_dirty", dirty);
        provenance.put("mode", settings.quick() ? "quick" : "full");
        provenance.put("command", System.getProperty("bench.command", "java -jar bench/target/bench-*-exec.jar"));
        provenance.put("bench_properties", Provenance.benchProperties());
        provenance.put("bench_jvm_flags", Provenance.jvmFlags());
        provenance.put("machine", Provenance.machine());
        provenance.put("started_at", started.toString());
        provenance.put("load_average_at_start", loadAtStart);
        boolean noisy = Provenance.noisy(Provenance.oneMinuteLoad(loadAtStart), cores);
        provenance.put("noisy", noisy);
        if (noisy) {
            log("NOISY: the 1-minute load average at start (" + loadAtStart + ") exceeds the " + cores + " cores");
        }
        if (dirty && !allowDirty && !settings.quick()) {
            log("the working tree is dirty: results go to " + results + ", not bench/results/latest.* "
                    + "(-Dbench.allow-dirty=true to replace them)");
        }
        Report report = new Report(settings, provenance);
        try {
            run(repoRoot, settings, report, results);
        } catch (Exception | AssertionError e) {
            report.failed("the run (local system)", e);
            throw e;
        } finally {
            Instant finished = Instant.now();
            report.provenance("finished_at", finished.toString());
            report.provenance("duration_seconds", Duration.between(started, finished).toSeconds());
            report.provenance("load_average_at_end", Provenance.loadAverage());
            report.write(results);
            System.out.print(report.table());
            log("results in " + results.resolve("latest.md"));
        }
    }

    private static void run(Path repoRoot, BenchSettings s, Report report, Path results) throws Exception {
        try (LocalSystem system = LocalSystem.start(new LocalSystem.Options(null, false, repoRoot,
                Path.of("bench", "target", "service-logs")).withServiceProperties("api-service",
                "--management.metrics.distribution.percentiles-histogram.http.server.requests=true",
                "--management.metrics.distribution.percentiles-histogram.tenantchat.chat.job.send=true"))) {
            if (system.redis().isEmpty()) {
                throw new IllegalStateException("redis-server is needed for reply streaming (apt-get install -y redis-server)");
            }
            Api api = new Api(system.apiBaseUrl());
            TestUser operator = system.operator("bench-ops", "operator@bench-ops.example");
            ServiceMetrics apiMetrics = new ServiceMetrics("api", system.apiBaseUrl(), operator.idToken(), api.http());
            ServiceMetrics worker = new ServiceMetrics("worker", system.workerBaseUrl(), null, api.http());
            List<ServiceMetrics> services = List.of(apiMetrics, worker,
                    new ServiceMetrics("aggregator", system.aggregatorBaseUrl(), null, api.http()));
            Stages stages = new Stages(apiMetrics, worker);
            FloorScenario floor = new FloorScenario(system);

            figure(report, results, stages, "0a. floor, critical path",
                    () -> report.criticalPath(floor.criticalPath(s.floorIterations())));
            figure(report, results, stages, "0b. floor, whole chain", () -> report.chain(floor.run(s.floorIterations())));
            TestUser ttftUser = system.user("bench-ttft", "ttft@bench-ttft.example");
            for (int concurrency : s.ttftConcurrency()) {
                figure(report, results, stages, "1. TTFT overhead, concurrency " + concurrency, () -> report.ttft(
                        concurrency, new TtftScenario(system, api, ttftUser).run(s.ttftRequests(), concurrency,
                                s.ttftMillis())));
            }
            figure(report, results, stages, "3. throughput and 4. AWS requests per message", () -> {
                List<TestUser> users = List.of(system.user("bench-t1", "t1@bench-t1.example"),
                        system.user("bench-t2", "t2@bench-t2.example"), system.user("bench-t3", "t3@bench-t3.example"),
                        system.user("bench-t4", "t4@bench-t4.example"));
                ThroughputScenario throughput = new ThroughputScenario(system, api, users, services);
                ThroughputScenario.Result endToEnd = throughput.endToEnd(s.throughputMessages(),
                        s.throughputConcurrency(), s.throughputSessions(), s.idleSeconds());
                ThroughputScenario.Raw raw = throughput.rawQueue(s.rawMessages(), s.throughputConcurrency(),
                        s.throughputSessions(), s.rawConsumers(), s.rawBatch());
                report.throughput(endToEnd, raw, s.throughputConcurrency());
            });
            figure(report, results, stages, "3b. the DynamoDB stand-in's capacity for the pipeline's requests", () ->
                    report.dynamoDbCapacity(new DynamoDbCapacityProbe(system).run(s.dynamoDbClients(),
                            s.dynamoDbSeconds())));
            figure(report, results, stages, "2. worker concurrency (worker as shipped)", () -> report.concurrency(
                    new ConcurrencyScenario(system, api,
                            n -> system.user("bench-c", "c" + n + "@bench-c.example"), worker)
                            .run(s.concurrencyLevels(), s.concurrencyTokensPerSecond(), s.concurrencyObserveSeconds())));
            figure(report, results, stages, "2b. the SQS stand-in's FIFO receive with groups in flight", () ->
                    report.probe(new FifoReceiveProbe(system).run(s.probeGroups(), s.probeSamples())));
            figure(report, results, stages, "5. noisy neighbour", () -> report.noisy(new NoisyNeighbourScenario(system,
                    api, operator, system.user("bench-a", "a@bench-a.example"), system.user("bench-b", "b@bench-b.example"))
                    .run(s.noisyFlood(), s.noisySessions(), s.noisyProbes(), s.noisyFloodPerSecond(),
                            s.noisyMaxInFlight())));
        }
    }

    interface Scenario {
        void run() throws Exception;
    }

    /**
     * Runs one figure between two scrapes of the services' timers (its stage table); a failure is written into the
     * results instead of ending the run. Writes the files after it.
     */
    private static void figure(Report report, Path results, Stages stages, String name, Scenario scenario) {
        log(name);
        Stages.Snapshot before = stages.snapshot();
        try {
            scenario.run();
        } catch (Exception | AssertionError e) {
            report.failed(name, e);
            e.printStackTrace();
        }
        report.stages(name, Stages.between(before, stages.snapshot()));
        report.write(results);
    }

    static void log(String what) {
        System.out.println("bench: " + Instant.now() + " " + what);
    }
}
