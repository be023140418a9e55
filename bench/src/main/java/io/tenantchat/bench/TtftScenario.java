package io.tenantchat.bench;

import io.tenantchat.localstack.bedrock.BedrockStandIn.Settings;
import io.tenantchat.localstack.launcher.LocalSystem;
import io.tenantchat.localstack.provision.TestUser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * 1. TTFT overhead, paired per request: {@code concurrency} callers, each on its own session, send a message
 * marked {@code [ref:<id>]} and wait for its reply; for each, (first delta on the WebSocket) − (POST start) − (the
 * Bedrock stand-in's own receive → first token time for that ref).
 */
final class TtftScenario {

    private final LocalSystem system;
    private final Api api;
    private final TestUser user;

    TtftScenario(LocalSystem system, Api api, TestUser user) {
        this.system = system;
        this.api = api;
        this.user = user;
    }

    PairedOverhead.Result run(int requests, int concurrency, int millis) throws Exception {
        system.bedrock().settings(Settings.defaults().withTimeToFirstToken(Duration.ofMillis(millis)));
        ConcurrentLinkedQueue<PairedOverhead.Request> measured = new ConcurrentLinkedQueue<>();
        List<String> sessions = new ArrayList<>();
        try (ReplyWatcher watcher = ReplyWatcher.connect(system.apiBaseUrl(), user)) {
            for (int i = 0; i < concurrency; i++) {
                sessions.add(api.createSession(user));
                watcher.subscribe(sessions.get(i));
            }
            inParallel(concurrency, 1, slot -> () -> call(watcher, sessions.get(slot), new ConcurrentLinkedQueue<>()));
            int rounds = (requests + concurrency - 1) / concurrency;
            inParallel(concurrency, rounds, slot -> () -> call(watcher, sessions.get(slot), measured));
        } finally {
            system.bedrock().settings(Settings.defaults());
        }
        return PairedOverhead.pair(List.copyOf(measured), ref -> system.bedrock().firstTokenOf(ref).orElse(null));
    }

    private void call(ReplyWatcher watcher, String session, ConcurrentLinkedQueue<PairedOverhead.Request> out) {
        String ref = UUID.randomUUID().toString();
        long started = System.nanoTime();
        String id = api.chat(user, session, "How fast is the first token? [ref:" + ref + "]");
        long accepted = System.nanoTime();
        watcher.awaitFinished(id, Duration.ofMinutes(2));
        out.add(new PairedOverhead.Request(ref, started, accepted, watcher.firstDeltaNanos(id)));
    }

    /** {@code slots} threads, each running its task {@code rounds} times in a row. */
    static void inParallel(int slots, int rounds, java.util.function.IntFunction<Runnable> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(slots);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int slot = 0; slot < slots; slot++) {
                Runnable one = task.apply(slot);
                running.add(pool.submit(() -> {
                    for (int round = 0; round < rounds; round++) {
                        one.run();
                    }
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
