package io.tenantchat.bench;

import io.tenantchat.localstack.bedrock.BedrockStandIn.Settings;
import io.tenantchat.localstack.launcher.LocalSystem;
import io.tenantchat.localstack.provision.TestUser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * 5. Noisy neighbour with registered tenants on real tiers: A on a plan whose only tight limit is a small
 * {@code max_in_flight}, B on {@code advanced} as shipped. B's reply latency ({@code POST /api/chat} → completed
 * event) from {@value #PROBE_SLOTS} sessions paced under its 5 requests/s, on its own and then while A floods
 * {@code flood} messages over {@code sessions} sessions at {@code perSecond}.
 */
final class NoisyNeighbourScenario {

    static final int PROBE_SLOTS = 2;
    private static final long PROBE_SPACING_MS = 500; // per slot: at most 4 requests/s, under advanced's 5

    private final LocalSystem system;
    private final Api api;
    private final TestUser operator;
    private final TestUser tenantA;
    private final TestUser tenantB;

    NoisyNeighbourScenario(LocalSystem system, Api api, TestUser operator, TestUser tenantA, TestUser tenantB) {
        this.system = system;
        this.api = api;
        this.operator = operator;
        this.tenantA = tenantA;
        this.tenantB = tenantB;
    }

    record Result(Latency unloaded, Latency loaded, int floodSent, int floodAccepted, int floodRefused,
            double floodSendSeconds, int probesRefused, int maxInFlight) {
    }

    Result run(int flood, int sessionCount, int probes, int perSecond, int maxInFlight) throws Exception {
        system.bedrock().settings(Settings.defaults());
        api.registerTenant(operator, tenantA.tenantId(), """
                {"name": "bench tenant A", "tier": "premium", "limits": {"messages_per_day": 1000000,
                 "messages_per_month": 10000000, "concurrent_sessions": 100000, "monthly_tokens": 1000000000,
                 "requests_per_second": 100000, "max_in_flight": %d}}""".formatted(maxInFlight));
        api.registerTenant(operator, tenantB.tenantId(), """
                {"name": "bench tenant B", "tier": "advanced"}""");
        List<String> probeSessions = new ArrayList<>();
        List<String> floodSessions = new ArrayList<>();
        AtomicInteger probesRefused = new AtomicInteger();
        try (ReplyWatcher watcher = ReplyWatcher.connect(system.apiBaseUrl(), tenantB)) {
            for (int i = 0; i < PROBE_SLOTS; i++) {
                probeSessions.add(api.createSession(tenantB));
                watcher.subscribe(probeSessions.get(i));
            }
            probe(watcher, probeSessions, PROBE_SLOTS, new Latency(), probesRefused); // warm-up
            Latency unloaded = new Latency();
            probe(watcher, probeSessions, probes, unloaded, probesRefused);

            for (int i = 0; i < sessionCount; i++) {
                floodSessions.add(api.createSession(tenantA));
            }
            AtomicInteger next = new AtomicInteger();
            AtomicInteger accepted = new AtomicInteger();
            AtomicInteger refused = new AtomicInteger();
            long floodStarted = System.nanoTime();
            long nanosApart = TimeUnit.SECONDS.toNanos(1) / Math.max(1, perSecond);
            CompletableFuture<Double> flooding = CompletableFuture.supplyAsync(() -> {
                try {
                    TtftScenario.inParallel(16, 1, slot -> () -> {
                        for (int i; (i = next.getAndIncrement()) < flood;) {
                            long due = floodStarted + i * nanosApart;
                            pauseNanos(due - System.nanoTime());
                            Api.Sent sent = api.tryChat(tenantA, floodSessions.get(i % sessionCount), "flood " + i);
                            (sent.accepted() ? accepted : refused).incrementAndGet();
                        }
                    });
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return (System.nanoTime() - floodStarted) / 1e9;
            });
            ReplyWatcher.awaitTrue(() -> next.get() >= Math.min(flood, Math.max(perSecond, flood / 10)),
                    Duration.ofMinutes(2), "flood under way");
            Latency loaded = new Latency();
            probe(watcher, probeSessions, probes, loaded, probesRefused);
            double floodSeconds = flooding.join();
            return new Result(unloaded, loaded, Math.min(next.get(), flood), accepted.get(), refused.get(), floodSeconds,
                    probesRefused.get(), maxInFlight);
        } finally {
            system.bedrock().settings(Settings.defaults());
        }
    }

    /** {@code probes} replies in all from the probe sessions, each slot at most one send per 500 ms. */
    private void probe(ReplyWatcher watcher, List<String> sessions, int probes, Latency latency,
            AtomicInteger refused) throws Exception {
        int rounds = (probes + PROBE_SLOTS - 1) / PROBE_SLOTS;
        TtftScenario.inParallel(PROBE_SLOTS, rounds, slot -> () -> {
            for (int attempt = 0; ; attempt++) {
                long started = System.nanoTime();
                Api.Sent sent = api.tryChat(tenantB, sessions.get(slot), "probe from tenant B");
                if (sent.accepted()) {
                    latency.recordNanos(watcher.awaitFinished(sent.messageId(), Duration.ofMinutes(10)) - started);
                    pauseNanos(started + TimeUnit.MILLISECONDS.toNanos(PROBE_SPACING_MS) - System.nanoTime());
                    return;
                }
                refused.incrementAndGet();
                if (sent.status() != 429 || attempt >= 20) {
                    throw new IllegalStateException("tenant B's probe answered " + sent.status() + ": " + sent.body());
                }
                pauseNanos(TimeUnit.SECONDS.toNanos(1));
            }
        });
    }

    private static void pauseNanos(long nanos) {
        if (nanos <= 0) {
            return;
        }
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
