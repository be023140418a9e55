package io.tenantchat.bench;

import io.tenantchat.localstack.bedrock.BedrockStandIn.Settings;
import io.tenantchat.localstack.launcher.LocalSystem;
import io.tenantchat.localstack.provision.TestUser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * 5. Noisy neighbour: tenant B's reply latency ({@code POST /api/chat} → completed event) on its own, then while
 * tenant A floods {@code flood} messages over {@code sessions} sessions from 16 senders.
 */
final class NoisyNeighbourScenario {

    private static final int PROBE_SLOTS = 5;

    private final LocalSystem system;
    private final Api api;
    private final TestUser tenantA;
    private final TestUser tenantB;

    NoisyNeighbourScenario(LocalSystem system, Api api, TestUser tenantA, TestUser tenantB) {
        this.system = system;
        this.api = api;
        this.tenantA = tenantA;
        this.tenantB = tenantB;
    }

    record Result(Latency unloaded, Latency loaded, int floodSent, double floodSendSeconds) {
    }

    Result run(int flood, int sessionCount, int probes) throws Exception {
        system.bedrock().settings(Settings.defaults());
        List<String> probeSessions = new ArrayList<>();
        List<String> floodSessions = new ArrayList<>();
        try (ReplyWatcher watcher = ReplyWatcher.connect(system.apiBaseUrl(), tenantB)) {
            for (int i = 0; i < PROBE_SLOTS; i++) {
                probeSessions.add(api.createSession(tenantB));
                watcher.subscribe(probeSessions.get(i));
            }
            probe(watcher, probeSessions, PROBE_SLOTS, new Latency()); // warm-up
            Latency unloaded = new Latency();
            probe(watcher, probeSessions, probes, unloaded);

            for (int i = 0; i < sessionCount; i++) {
                floodSessions.add(api.createSession(tenantA));
            }
            AtomicInteger sent = new AtomicInteger();
            long floodStarted = System.nanoTime();
            CompletableFuture<Double> flooding = CompletableFuture.supplyAsync(() -> {
                try {
                    TtftScenario.inParallel(16, 1, slot -> () -> {
                        for (int i; (i = sent.getAndIncrement()) < flood;) {
                            api.chat(tenantA, floodSessions.get(i % sessionCount), "flood " + i);
                        }
                    });
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return (System.nanoTime() - floodStarted) / 1e9;
            });
            ReplyWatcher.awaitTrue(() -> sent.get() >= Math.min(flood, 200), Duration.ofMinutes(2), "flood under way");
            Latency loaded = new Latency();
            probe(watcher, probeSessions, probes, loaded);
            double floodSeconds = flooding.join();
            return new Result(unloaded, loaded, Math.min(sent.get(), flood), floodSeconds);
        }
    }

    private void probe(ReplyWatcher watcher, List<String> sessions, int probes, Latency latency) throws Exception {
        TtftScenario.inParallel(PROBE_SLOTS, Math.max(1, probes / PROBE_SLOTS), slot -> () -> {
            long started = System.nanoTime();
            String id = api.chat(tenantB, sessions.get(slot), "probe from tenant B");
            latency.recordNanos(watcher.awaitFinished(id, Duration.ofMinutes(10)) - started);
        });
    }
}
