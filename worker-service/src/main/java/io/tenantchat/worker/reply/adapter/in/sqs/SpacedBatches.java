package io.tenantchat.worker.reply.adapter.in.sqs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entries sent in batches without making an idle sender wait: an entry goes out at once when the previous call
 * left {@code spacing} or more ago; otherwise it joins the call that leaves {@code spacing} after the previous one,
 * with every entry that arrives meanwhile. A full batch ({@code maxBatch}) leaves at once. So no entry waits longer
 * than {@code spacing}, a quiet sender's entry never waits, and a busy one sends at most one partial batch per
 * {@code spacing}.
 */
final class SpacedBatches<E> {

    private static final Logger log = LoggerFactory.getLogger(SpacedBatches.class);

    /** Runs a task after a delay (a scheduled executor in production, a hand-driven one in tests). */
    interface Timer {
        void schedule(Runnable task, long delayNanos);
    }

    private final int maxBatch;
    private final long spacingNanos;
    private final Function<List<E>, CompletableFuture<?>> send;
    private final Timer timer;
    private final LongSupplier nanoTime;
    private final List<E> pending = new ArrayList<>();
    private final Set<CompletableFuture<?>> inFlight = ConcurrentHashMap.newKeySet();
    private long lastSentAt;
    private boolean flushScheduled;

    SpacedBatches(int maxBatch, Duration spacing, Function<List<E>, CompletableFuture<?>> send, Timer timer,
            LongSupplier nanoTime) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be positive");
        }
        this.maxBatch = maxBatch;
        this.spacingNanos = spacing.toNanos();
        this.send = send;
        this.timer = timer;
        this.nanoTime = nanoTime;
        this.lastSentAt = nanoTime.getAsLong() - spacingNanos;
    }

    void add(E entry) {
        List<List<E>> ready;
        synchronized (this) {
            pending.add(entry);
            ready = takeReady(false);
        }
        ready.forEach(this::sendNow);
    }

    /** Sends what is pending now and waits, up to {@code timeout}, until every call has been answered. */
    boolean drain(Duration timeout) {
        List<List<E>> ready;
        synchronized (this) {
            ready = takeReady(true);
        }
        ready.forEach(this::sendNow);
        try {
            CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return true; // answered; a failed call was logged and its entries left as they are
        } catch (TimeoutException e) {
            return false;
        }
    }

    /** Entries not sent yet. */
    synchronized int pending() {
        return pending.size();
    }

    private List<List<E>> takeReady(boolean due) {
        long now = nanoTime.getAsLong();
        boolean spaced = due || now - lastSentAt >= spacingNanos;
        List<List<E>> batches = new ArrayList<>();
        while (pending.size() >= maxBatch || (spaced && !pending.isEmpty())) {
            List<E> head = pending.subList(0, Math.min(maxBatch, pending.size()));
            batches.add(List.copyOf(head));
            head.clear();
            lastSentAt = now;
        }
        if (!pending.isEmpty() && !flushScheduled) {
            flushScheduled = true;
            timer.schedule(this::flush, lastSentAt + spacingNanos - now);
        }
        return batches;
    }

    private void flush() {
        List<List<E>> ready;
        synchronized (this) {
            flushScheduled = false;
            ready = takeReady(true);
        }
        ready.forEach(this::sendNow);
    }

    private void sendNow(List<E> batch) {
        CompletableFuture<?> call;
        try {
            call = send.apply(batch);
        } catch (RuntimeException e) {
            log.warn("Could not send a batch of {}: {}", batch.size(), e.toString());
            return;
        }
        inFlight.add(call);
        call.whenComplete((result, error) -> inFlight.remove(call));
    }
}
