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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * 2. Worker concurrency: the model stand-in streams slowly ({@code tokensPerSecond}, about 35 tokens a reply), and
 * each level sends that many messages at once, one per session; the stand-in reports how many streams the one
 * worker held open at once, the worker its heap. Raising stops at the first level with failures or that the worker
 * could not hold (peak below 90 % of the level).
 */
final class ConcurrencyScenario {

    private final LocalSystem system;
    private final Api api;
    private final TestUser user;
    private final ServiceMetrics worker;

    ConcurrencyScenario(LocalSystem system, Api api, TestUser user, ServiceMetrics worker) {
        this.system = system;
        this.api = api;
        this.user = user;
        this.worker = worker;
    }

    record Level(int level, int peakOpenStreams, long maxHeapUsedMb, long heapMaxMb, int failed, double seconds) {

        Map<String, Object> asMap() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("level", level);
            out.put("peak_open_streams", peakOpenStreams);
            out.put("max_worker_heap_used_mb", maxHeapUsedMb);
            out.put("worker_heap_max_mb", heapMaxMb);
            out.put("failed_or_unfinished", failed);
            out.put("seconds", Latency.round(seconds));
            return out;
        }
    }

    List<Level> run(List<Integer> levels, int tokensPerSecond) throws Exception {
        int most = Collections.max(levels);
        List<String> sessions = Collections.synchronizedList(new ArrayList<>());
        TtftScenario.inParallel(16, 1, slot -> () -> {
            while (sessions.size() < most) {
                sessions.add(api.createSession(user));
            }
        });
        system.bedrock().settings(Settings.defaults().withTokensPerSecond(tokensPerSecond));
        List<Level> results = new ArrayList<>();
        for (int level : levels) {
            Level result = level(level, sessions);
            results.add(result);
            System.out.println("bench: concurrency " + result.asMap());
            if (result.failed() > 0 || result.peakOpenStreams() < 0.9 * level) {
                break;
            }
        }
        system.bedrock().settings(Settings.defaults());
        return results;
    }

    private Level level(int level, List<String> sessions) throws Exception {
        system.bedrock().takePeakOpenStreams();
        int callsBefore = system.bedrock().invocations();
        AtomicLong maxHeap = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                maxHeap.accumulateAndGet(worker.heapUsedMb(), Math::max);
                pause(1_000);
            }
        }, "bench-heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        long started = System.nanoTime();
        ConcurrentLinkedQueue<String> ids = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        TtftScenario.inParallel(32, 1, slot -> () -> {
            for (int i; (i = next.getAndIncrement()) < level;) {
                ids.add(api.chat(user, sessions.get(i), "concurrency level " + level));
            }
        });
        ReplyWatcher.awaitTrue(() -> system.bedrock().invocations() - callsBefore >= level
                && system.bedrock().openStreams() == 0, Duration.ofMinutes(6), "level " + level + " answered");
        double seconds = (System.nanoTime() - started) / 1e9;
        sampler.interrupt();
        int peak = system.bedrock().takePeakOpenStreams();
        AtomicInteger notCompleted = new AtomicInteger();
        List<String> all = new ArrayList<>(ids);
        AtomicInteger cursor = new AtomicInteger();
        TtftScenario.inParallel(16, 1, slot -> () -> {
            for (int i; (i = cursor.getAndIncrement()) < all.size();) {
                if (!"completed".equals(awaitTerminal(all.get(i)))) {
                    notCompleted.incrementAndGet();
                }
            }
        });
        return new Level(level, peak, maxHeap.get(), worker.heapMaxMb(), notCompleted.get(), seconds);
    }

    private String awaitTerminal(String messageId) {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
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
