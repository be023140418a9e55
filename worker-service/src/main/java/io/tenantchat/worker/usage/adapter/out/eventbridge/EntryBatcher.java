package io.tenantchat.worker.usage.adapter.out.eventbridge;

import io.tenantchat.worker.usage.application.UsageNotPublishedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gathers entries of many jobs into batches of at most {@code maxBatch}, sent at most {@code maxWait} after the
 * first entry of a batch arrived; each entry's future completes once the receiver accepted that entry, so a job
 * waits for its own entry only. Refused entries (or all of a failed call) are sent again, in later batches, after a
 * pause that doubles per entry up to {@code maxBackoff}, until the entry's deadline; then its future fails with
 * {@link UsageNotPublishedException}. Batches are sent on virtual threads, several at once.
 *
 * @param <E> an entry of the receiver's batch call
 */
final class EntryBatcher<E> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EntryBatcher.class);

    /** Sends one batch; returns the positions of the entries the receiver refused (empty: all accepted). */
    @FunctionalInterface
    interface Sender<E> {
        List<Integer> send(List<E> batch);
    }

    private final Sender<E> sender;
    private final int maxBatch;
    private final Duration maxWait;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final BlockingQueue<Pending<E>> queue = new LinkedBlockingQueue<>();
    private final Thread collector;
    private volatile boolean open = true;

    EntryBatcher(Sender<E> sender, int maxBatch, Duration maxWait, Duration initialBackoff, Duration maxBackoff) {
        this.sender = sender;
        this.maxBatch = maxBatch;
        this.maxWait = maxWait;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.collector = Thread.ofVirtual().name("usage-batcher").start(this::collect);
    }

    /** Completes when {@code entry} is accepted; fails once it could not be by {@code deadlineNanos}. */
    CompletableFuture<Void> submit(E entry, long deadlineNanos) {
        Pending<E> pending = new Pending<>(entry, deadlineNanos, new CompletableFuture<>());
        queue.add(pending);
        return pending.accepted();
    }

    private void collect() {
        while (open) {
            try {
                List<Pending<E>> batch = nextBatch();
                Thread.ofVirtual().name("usage-batch").start(() -> send(batch));
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private List<Pending<E>> nextBatch() throws InterruptedException {
        List<Pending<E>> batch = new ArrayList<>(maxBatch);
        batch.add(queue.take());
        long until = System.nanoTime() + maxWait.toNanos();
        while (batch.size() < maxBatch) {
            Pending<E> next = queue.poll(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (next == null) {
                break;
            }
            batch.add(next);
        }
        return batch;
    }

    private void send(List<Pending<E>> batch) {
        List<Integer> refused;
        RuntimeException failure = null;
        try {
            refused = sender.send(batch.stream().map(Pending::entry).toList());
        } catch (RuntimeException e) {
            failure = e;
            refused = java.util.stream.IntStream.range(0, batch.size()).boxed().toList();
        }
        for (int i = 0; i < batch.size(); i++) {
            if (!refused.contains(i)) {
                batch.get(i).accepted().complete(null);
            }
        }
        if (!refused.isEmpty()) {
            log.warn("{} of {} usage events not published yet: {}", refused.size(), batch.size(),
                    failure == null ? "refused" : failure.toString());
        }
        for (int i : refused) {
            retryLater(batch.get(i), failure);
        }
    }

    private void retryLater(Pending<E> pending, @Nullable RuntimeException failure) {
        int tries = pending.tries() + 1;
        long pause = Math.min(maxBackoff.toNanos(), initialBackoff.toNanos() << Math.min(tries - 1, 20));
        if (System.nanoTime() + pause > pending.deadlineNanos()) {
            pending.accepted().completeExceptionally(
                    new UsageNotPublishedException("usage event not published within its budget", failure));
            return;
        }
        Thread.ofVirtual().start(() -> {
            try {
                TimeUnit.NANOSECONDS.sleep(pause);
                queue.add(new Pending<>(pending.entry(), pending.deadlineNanos(), pending.accepted(), tries));
            } catch (InterruptedException e) {
                pending.accepted().completeExceptionally(
                        new UsageNotPublishedException("interrupted while publishing usage", e));
            }
        });
    }

    @Override
    public void close() {
        open = false;
        collector.interrupt();
    }

    private record Pending<E>(E entry, long deadlineNanos, CompletableFuture<Void> accepted, int tries) {
        Pending(E entry, long deadlineNanos, CompletableFuture<Void> accepted) {
            this(entry, deadlineNanos, accepted, 0);
        }
    }
}
