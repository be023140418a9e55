package io.tenantchat.e2e;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Requests sent open loop: the {@code i}-th leaves at {@code i / perSecond} seconds whatever the earlier ones are
 * doing, handed to a small pool of senders so that one slow answer does not hold up the pace.
 */
final class PacedFlood implements AutoCloseable {

    private final int requests;
    private final ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService senders;
    private final List<CompletableFuture<HttpResponse<String>>> answers;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger answered = new AtomicInteger();
    private final CompletableFuture<Void> allSent = new CompletableFuture<>();
    private final long started = System.nanoTime();
    private final ScheduledFuture<?> pace;

    private PacedFlood(int requests, int perSecond, int threads, IntFunction<HttpResponse<String>> call) {
        this.requests = requests;
        this.senders = Executors.newFixedThreadPool(threads);
        this.answers = new ArrayList<>(requests);
        for (int i = 0; i < requests; i++) {
            answers.add(new CompletableFuture<>());
        }
        this.pace = pacer.scheduleAtFixedRate(() -> send(call), 0, TimeUnit.SECONDS.toNanos(1) / perSecond,
                TimeUnit.NANOSECONDS);
    }

    /** Starts sending {@code requests} calls of {@code call(i)} at {@code perSecond}, by {@code threads} senders. */
    static PacedFlood start(int requests, int perSecond, int threads, IntFunction<HttpResponse<String>> call) {
        return new PacedFlood(requests, perSecond, threads, call);
    }

    private void send(IntFunction<HttpResponse<String>> call) {
        int i = next.getAndIncrement();
        if (i >= requests) {
            return;
        }
        CompletableFuture.supplyAsync(() -> call.apply(i), senders).whenComplete((answer, failure) -> {
            answered.incrementAndGet();
            if (failure != null) {
                answers.get(i).completeExceptionally(failure);
            } else {
                answers.get(i).complete(answer);
            }
        });
        if (i == requests - 1) {
            allSent.complete(null);
        }
    }

    /** Requests answered so far. */
    int answered() {
        return answered.get();
    }

    /** True while a request is still to be sent or answered. */
    boolean running() {
        return answered.get() < requests;
    }

    /** Waits for every answer, in the order the requests were sent. */
    List<HttpResponse<String>> answers(Duration patience) throws Exception {
        allSent.get(patience.toMillis(), TimeUnit.MILLISECONDS);
        pace.cancel(false);
        CompletableFuture.allOf(answers.toArray(new CompletableFuture<?>[0])).get(patience.toMillis(), TimeUnit.MILLISECONDS);
        return answers.stream().map(CompletableFuture::join).toList();
    }

    /** Time from the first request to now. */
    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    @Override
    public void close() {
        pacer.shutdownNow();
        senders.shutdownNow();
    }
}
