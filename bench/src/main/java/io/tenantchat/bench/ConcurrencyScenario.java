package io.tenantchat.bench;

import io.tenantchat.localstack.bedrock.BedrockStandIn.Settings;
import io.tenantchat.localstack.launcher.LocalSystem;
import io.tenantchat.localstack.provision.TestUser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * 2. Worker concurrency on the worker as shipped: the model stand-in streams slowly ({@code tokensPerSecond}; it
 * echoes the message, about 35 tokens plus one per {@value #LEVEL_PER_EXTRA_WORD} of the level, so a reply outlasts
 * sending the whole level: the api accepts about 50 messages a second on 2 cores, and a level whose first replies
 * end before its last messages are sent could not be held by any worker), each level sends that many messages at
 * once, one per session. A level is held only when the
 * stand-in saw that many streams open at once and none failed. While a level runs, the worker's heap, RSS,
 * threads and CPU seconds are sampled every second. A level not held within {@code observeSeconds} of its last send
 * is not waited out: the model turns fast for the rest, so the backlog drains and the next figure starts clean.
 */
final class ConcurrencyScenario {

    /** The message of a level has one word more per this many messages of the level: 2,000 -> 100 more tokens. */
    static final int LEVEL_PER_EXTRA_WORD = 20;

    /** Sessions one user holds here: under the api's sessions-per-user cap (1,000 as shipped). */
    static final int SESSIONS_PER_USER = 500;

    private final LocalSystem system;
    private final Api api;
    private final IntFunction<TestUser> users;
    private final ServiceMetrics worker;

    /** {@code users}: the n-th user of the tenant (0, 1, ...); each holds {@link #SESSIONS_PER_USER} sessions. */
    ConcurrencyScenario(LocalSystem system, Api api, IntFunction<TestUser> users, ServiceMetrics worker) {
        this.system = system;
        this.api = api;
        this.users = users;
        this.worker = worker;
    }

    /** A session or message id with the user it belongs to. */
    private record Owned(TestUser user, String id) {
    }

    record Level(int level, int peakOpenStreams, int failed, boolean held, long maxHeapUsedMb, long heapMaxMb,
            long maxRssMb, long maxThreads, double cpuSeconds, double seconds) {

        Map<String, Object> asMap() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("level", level);
            out.put("held", held);
            out.put("peak_open_streams", peakOpenStreams);
            out.put("failed_or_unfinished", failed);
            out.put("max_worker_heap_used_mb", maxHeapUsedMb);
            out.put("worker_heap_max_mb", heapMaxMb);
            out.put("max_worker_rss_mb", maxRssMb);
            out.put("max_worker_threads", maxThreads);
            out.put("worker_cpu_seconds", Latency.round(cpuSeconds));
            out.put("seconds", Latency.round(seconds));
            return out;
        }
    }

    List<Level> run(List<Integer> levels, int tokensPerSecond, int observeSeconds) throws Exception {
        int most = Collections.max(levels);
        List<TestUser> owners = new ArrayList<>();
        for (int n = 0; n * SESSIONS_PER_USER < most; n++) {
            owners.add(users.apply(n));
        }
        List<Owned> sessions = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger made = new AtomicInteger();
        TtftScenario.inParallel(16, 1, slot -> () -> {
            for (int i; (i = made.getAndIncrement()) < most;) {
                TestUser owner = owners.get(i / SESSIONS_PER_USER);
                sessions.add(new Owned(owner, api.createSession(owner)));
            }
        });
        List<Level> results = new ArrayList<>();
        try {
            for (int level : levels) {
                Level result = level(level, sessions, tokensPerSecond, observeSeconds);
                results.add(result);
                System.out.println("bench: concurrency " + result.asMap());
                if (!result.held()) {
                    break;
                }
            }
        } finally {
            system.bedrock().settings(Settings.defaults());
        }
        return results;
    }

    private Level level(int level, List<Owned> sessions, int tokensPerSecond, int observeSeconds) throws Exception {
        system.bedrock().settings(Settings.defaults().withTokensPerSecond(tokensPerSecond));
        system.bedrock().takePeakOpenStreams();
        int callsBefore = system.bedrock().invocations();
        long[] max = new long[3]; // heap MB, RSS MB, threads
        ServiceMetrics.Process atStart = worker.process();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                ServiceMetrics.Jvm jvm = worker.jvm();
                ServiceMetrics.Process process = worker.process();
                synchronized (max) {
                    max[0] = Math.max(max[0], jvm.heapUsedMb());
                    max[1] = Math.max(max[1], process == null ? -1 : process.rssMb());
                    max[2] = Math.max(max[2], Math.max(jvm.liveThreads(), process == null ? -1 : process.threads()));
                }
                try {
                    TimeUnit.SECONDS.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-worker-sampler");
        sampler.setDaemon(true);
        sampler.start();
        long started = System.nanoTime();
        ConcurrentLinkedQueue<Owned> ids = new ConcurrentLinkedQueue<>(); // (author, message id)
        AtomicInteger next = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        String text = ("concurrency level " + level + " " + "steady ".repeat(level / LEVEL_PER_EXTRA_WORD)).strip();
        TtftScenario.inParallel(32, 1, slot -> () -> {
            for (int i; (i = next.getAndIncrement()) < level;) {
                Owned session = sessions.get(i);
                Api.Sent sent;
                try {
                    sent = api.tryChat(session.user(), session.id(), text);
                } catch (java.io.UncheckedIOException e) {
                    // an accept that timed out counts against the level (not held), it does not end the figure
                    System.out.println("bench: concurrency " + level + ": a send failed: " + e.getCause());
                    refused.incrementAndGet();
                    continue;
                }
                if (sent.accepted()) {
                    ids.add(new Owned(session.user(), sent.messageId()));
                } else {
                    refused.incrementAndGet();
                }
            }
        });
        boolean allStarted = awaitQuietly(() -> system.bedrock().invocations() - callsBefore >= level,
                Duration.ofSeconds(observeSeconds));
        int peak = system.bedrock().takePeakOpenStreams();
        if (!allStarted || peak < level) {
            system.bedrock().settings(Settings.defaults()); // not held: drain the rest quickly
        }
        AtomicInteger notCompleted = new AtomicInteger(refused.get());
        List<Owned> all = new ArrayList<>(ids);
        AtomicInteger cursor = new AtomicInteger();
        TtftScenario.inParallel(16, 1, slot -> () -> {
            for (int i; (i = cursor.getAndIncrement()) < all.size();) {
                if (!"completed".equals(awaitTerminal(all.get(i).user(), all.get(i).id()))) {
                    notCompleted.incrementAndGet();
                }
            }
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        peak = Math.max(peak, system.bedrock().takePeakOpenStreams());
        sampler.interrupt();
        sampler.join(5_000);
        ServiceMetrics.Process atEnd = worker.process();
        double cpu = atStart == null || atEnd == null ? -1 : atEnd.cpuSeconds() - atStart.cpuSeconds();
        boolean held = peak >= level && notCompleted.get() == 0;
        synchronized (max) {
            return new Level(level, peak, notCompleted.get(), held, max[0], worker.jvm().heapMaxMb(), max[1], max[2],
                    cpu, seconds);
        }
    }

    private static boolean awaitQuietly(java.util.function.BooleanSupplier condition, Duration patience) {
        try {
            ReplyWatcher.awaitTrue(condition, patience, "streams");
            return true;
        } catch (IllegalStateException timedOut) {
            return false;
        }
    }

    private String awaitTerminal(TestUser user, String messageId) {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        String status = api.status(user, messageId);
        while (!status.matches("completed|failed") && System.nanoTime() < deadline) {
            pause(500);
            status = api.status(user, messageId);
        }
        return status;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
