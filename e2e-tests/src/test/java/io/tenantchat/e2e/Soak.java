package io.tenantchat.e2e;

import static org.awaitility.Awaitility.await;

import io.tenantchat.localstack.provision.TestUser;
import java.net.URI;
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
 * service's heap in use ({@code jvm.memory.used}, area heap) and the latency from accept to completed reply of the
 * messages that finished in that interval. The report compares the last sample with the first (drift).
 */
final class Soak {

    record Service(String name, URI baseUrl, String token) {
    }

    record Sample(long atSeconds, int sent, int completed, long replyP50Ms, long replyP99Ms, List<Long> heapMb) {
    }

    /**
     * @param sent messages the api accepted
     * @param lost accepted messages that did not complete (failed, or no terminal state within the patience)
     * @param refused sends that got no 202 (for example a timeout on a busy machine): not accepted, so not lost
     */
    record Report(List<Service> services, List<Sample> samples, int sent, int lost, int refused) {

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
        ScheduledExecutorService clock = Executors.newScheduledThreadPool(2);
        ExecutorService waiters = Executors.newFixedThreadPool(24);
        List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
        long started = System.nanoTime();
        clock.scheduleAtFixedRate(() -> sendOne(waiters, patience), 0, 1, TimeUnit.SECONDS);
        clock.scheduleAtFixedRate(() -> samples.add(sample(started)), every.toMillis(), every.toMillis(),
                TimeUnit.MILLISECONDS);
        await().atMost(duration.plusSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> System.nanoTime() - started >= duration.toNanos());
        clock.shutdown(); // cancels the schedules, lets a sample in progress finish
        clock.awaitTermination(1, TimeUnit.MINUTES);
        waiters.shutdown();
        waiters.awaitTermination(patience.toMillis(), TimeUnit.MILLISECONDS);
        samples.add(sample(started)); // after the last replies came in
        // accepted but not completed by now, failed or still waiting, is lost
        return new Report(services, List.copyOf(samples), sent.get(), sent.get() - completed.get(), refused.get());
    }

    private void sendOne(ExecutorService waiters, Duration patience) {
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
                    intervalLatencies.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - accepted));
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

    static long heapMb(Service service) {
        JsonNode meter = new ApiClient(service.baseUrl())
                .get("/actuator/metrics/jvm.memory.used?tag=area:heap", service.token()).json();
        return (long) (meter.path("measurements").get(0).path("value").asDouble() / (1024 * 1024));
    }

    private static long percentile(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }
}
