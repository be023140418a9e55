package io.tenantchat.e2e;

import static org.awaitility.Awaitility.await;

import io.tenantchat.localstack.provision.TestUser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * Steady load (one message a second over the given sessions) for a while, sampling every {@code every}: each
 * service's heap in use right after a full collection ({@code jcmd <pid> GC.run}, then {@code jvm.memory.used},
 * area heap: what is still referenced, not the garbage of the last seconds) and the latency from accept to
 * completed reply of the messages that finished in that interval. The report compares the last sample with the
 * first (drift) and fits a least-squares line to the retained heap of each service over time and to each reply's
 * latency over its send time: a leak shows as a heap that keeps growing, a backlog or a leaked resource as
 * latency that keeps growing.
 */
final class Soak {

    record Service(String name, URI baseUrl, String token) {
    }

    /** One completed reply: when it was accepted (seconds into the soak) and how long its reply took. */
    record Reply(double acceptedAtSeconds, long latencyMs) {
    }

    record Sample(long atSeconds, int sent, int completed, long replyP50Ms, long replyP99Ms, List<Long> heapMb) {
    }

    /**
     * @param sent messages the api accepted
     * @param lost accepted messages that did not complete (failed, or no terminal state within the patience)
     * @param refused sends that got no 202 (for example a timeout on a busy machine): not accepted, so not lost
     */
    record Report(List<Service> services, List<Sample> samples, List<Reply> replies, int sent, int lost,
            int refused) {

        /** Growth of each service's retained heap, MB per minute (least squares over the samples). */
        List<Double> heapGrowthMbPerMinute() {
            List<Double> growth = new ArrayList<>();
            for (int i = 0; i < services.size(); i++) {
                int service = i;
                List<Sample> read = samples.stream().filter(s -> s.heapMb().get(service) >= 0).toList();
                growth.add(60 * slope(read.stream().mapToDouble(Sample::atSeconds).toArray(),
                        read.stream().mapToDouble(s -> s.heapMb().get(service)).toArray()));
            }
            return growth;
        }

        /** Growth of the reply latency over the soak, ms per second (least squares over every completed reply). */
        double latencyGrowthMsPerSecond() {
            return slope(replies.stream().mapToDouble(Reply::acceptedAtSeconds).toArray(),
                    replies.stream().mapToDouble(Reply::latencyMs).toArray());
        }

        private static double slope(double[] x, double[] y) {
            if (x.length < 2) {
                return Double.NaN;
            }
            double meanX = java.util.Arrays.stream(x).average().orElse(0);
            double meanY = java.util.Arrays.stream(y).average().orElse(0);
            double covariance = 0;
            double variance = 0;
            for (int i = 0; i < x.length; i++) {
                covariance += (x[i] - meanX) * (y[i] - meanY);
                variance += (x[i] - meanX) * (x[i] - meanX);
            }
            return variance == 0 ? Double.NaN : covariance / variance;
        }

        String table() {
            StringBuilder out = new StringBuilder("soak: t(s) sent done reply-p50(ms) reply-p99(ms) heap MB "
                    + services.stream().map(Service::name).toList() + System.lineSeparator());
            samples.forEach(s -> out.append(String.format("soak: %4d %5d %5d %8d %8d %s%n", s.atSeconds(), s.sent(),
                    s.completed(), s.replyP50Ms(), s.replyP99Ms(), s.heapMb())));
            if (samples.size() >= 2) {
                Sample first = samples.get(0);
                Sample last = samples.get(samples.size() - 1);
                List<String> heapDrift = new ArrayList<>();
                for (int i = 0; i < services.size(); i++) {
                    heapDrift.add(services.get(i).name() + " " + signed(last.heapMb().get(i) - first.heapMb().get(i)) + " MB");
                }
                out.append(String.format("soak: drift first->last sample: reply p50 %s ms, p99 %s ms; heap %s; "
                        + "%d accepted, %d lost, %d sends refused%n", signed(last.replyP50Ms() - first.replyP50Ms()),
                        signed(last.replyP99Ms() - first.replyP99Ms()), heapDrift, sent, lost, refused));
                out.append(String.format("soak: trend (least squares): retained heap %s MB/min %s; reply latency "
                        + "%+.1f ms per second of soak over %d replies%n", heapGrowthMbPerMinute().stream()
                        .map(g -> String.format("%+.1f", g)).toList(), services.stream().map(Service::name).toList(),
                        latencyGrowthMsPerSecond(), replies.size()));
            }
            return out.toString();
        }

        private static String signed(long value) {
            return (value >= 0 ? "+" : "") + value;
        }
    }

    private final ApiClient api;
    private final Conversations chats;
    private final List<Map.Entry<String, TestUser>> sessions;
    private final Duration every;
    private final List<Service> services;
    private final ConcurrentLinkedQueue<Long> intervalLatencies = new ConcurrentLinkedQueue<>();
    private final List<Reply> replies = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger completed = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger attempts = new AtomicInteger();

    Soak(ApiClient api, Conversations chats, List<Map.Entry<String, TestUser>> sessions, Duration every,
            List<Service> services) {
        this.api = api;
        this.chats = chats;
        this.sessions = sessions;
        this.every = every;
        this.services = services;
    }

    Report run(Duration duration, Duration patience) throws InterruptedException {
        // one thread sends, another samples: a slow sample (a full collection in three JVMs) never delays a send
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        ExecutorService waiters = Executors.newFixedThreadPool(24);
        List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
        long started = System.nanoTime();
        clock.scheduleAtFixedRate(() -> sendOne(waiters, patience, started), 0, 1, TimeUnit.SECONDS);
        sampler.scheduleAtFixedRate(() -> samples.add(sample(started)), every.toMillis(), every.toMillis(),
                TimeUnit.MILLISECONDS);
        await().atMost(duration.plusSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> System.nanoTime() - started >= duration.toNanos());
        clock.shutdown(); // cancels the schedules, lets a send or sample in progress finish
        sampler.shutdown();
        clock.awaitTermination(1, TimeUnit.MINUTES);
        sampler.awaitTermination(1, TimeUnit.MINUTES);
        waiters.shutdown();
        waiters.awaitTermination(patience.toMillis(), TimeUnit.MILLISECONDS);
        samples.add(sample(started)); // after the last replies came in
        // accepted but not completed by now, failed or still waiting, is lost
        return new Report(services, List.copyOf(samples), List.copyOf(replies), sent.get(),
                sent.get() - completed.get(), refused.get());
    }

    private void sendOne(ExecutorService waiters, Duration patience, long started) {
        int i = attempts.getAndIncrement();
        Map.Entry<String, TestUser> target = sessions.get(i % sessions.size());
        long accepted = System.nanoTime();
        String id;
        try {
            id = chats.send(target.getValue(), target.getKey(), "soak message " + i);
        } catch (RuntimeException | AssertionError notAccepted) {
            refused.incrementAndGet(); // counted, and caught so the schedule keeps running
            return;
        }
        sent.incrementAndGet();
        waiters.submit(() -> {
            try {
                JsonNode done = chats.awaitFinished(target.getValue(), id, patience);
                if ("completed".equals(done.path("status").asString())) {
                    long latencyMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - accepted);
                    intervalLatencies.add(latencyMs);
                    replies.add(new Reply((accepted - started) / 1e9, latencyMs));
                    completed.incrementAndGet();
                }
            } catch (RuntimeException | AssertionError notFinished) {
                // neither completed nor lost from sight: the report counts it as lost
            }
        });
    }

    private Sample sample(long started) {
        List<Long> latencies = new ArrayList<>();
        for (Long latency; (latency = intervalLatencies.poll()) != null;) {
            latencies.add(latency);
        }
        Collections.sort(latencies);
        List<Long> heap = new ArrayList<>();
        services.forEach(service -> {
            try {
                heap.add(heapMb(service));
            } catch (RuntimeException unreadable) {
                heap.add(-1L); // shown as -1 MB, never hidden
            }
        });
        return new Sample(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started), sent.get(), completed.get(),
                percentile(latencies, 0.50), percentile(latencies, 0.99), heap);
    }

    /** The heap still in use after a full collection that {@code jcmd GC.run} asks the service's JVM for. */
    static long heapMb(Service service) {
        collectGarbage(service);
        JsonNode meter = new ApiClient(service.baseUrl())
                .get("/actuator/metrics/jvm.memory.used?tag=area:heap", service.token()).json();
        return (long) (meter.path("measurements").get(0).path("value").asDouble() / (1024 * 1024));
    }

    private static void collectGarbage(Service service) {
        long pid = ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().orElse("").contains("--server.port=" + service.baseUrl().getPort()))
                .findFirst().orElseThrow(() -> new IllegalStateException("no child JVM of " + service)).pid();
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        try {
            Process gc = new ProcessBuilder(jcmd, Long.toString(pid), "GC.run").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!gc.waitFor(30, TimeUnit.SECONDS) || gc.exitValue() != 0) {
                gc.destroyForcibly();
                throw new IllegalStateException("jcmd " + pid + " GC.run failed for " + service);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long percentile(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }
}
