package io.tenantchat.api.chat.adapter.out.dynamodb;

import io.tenantchat.shared.TenantId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Group commit per tenant on this instance: at most one write of a tenant's messages is in flight here at a time;
 * messages that arrive meanwhile wait, and the next leader writes its own message together with the waiting ones
 * that fit ({@code fits}, up to {@code maxBatch}) as one batch. A lone message is written exactly as before. The
 * leader hands leadership to the next waiting caller as soon as its batch is written, so no caller writes for
 * others longer than one batch.
 *
 * @param <R> a request; its outcome is set by the batch writer through {@link Pending#done}
 */
final class GroupCommit<R> {

    private final int maxBatch;
    private final BiPredicate<List<R>, R> fits;
    private final Consumer<List<Pending<R>>> write;
    private final Map<TenantId, Lane<R>> lanes = new ConcurrentHashMap<>();

    /**
     * @param fits whether a request may join a batch that already holds the given requests
     * @param write writes a batch and completes each request's outcome (never throws)
     */
    GroupCommit(int maxBatch, BiPredicate<List<R>, R> fits, Consumer<List<Pending<R>>> write) {
        this.maxBatch = maxBatch;
        this.fits = fits;
        this.write = write;
    }

    /** Writes {@code request} (alone or in a batch) and returns its outcome. */
    Object submit(TenantId tenant, R request) {
        Pending<R> own = new Pending<>(request);
        Lane<R> lane = lanes.computeIfAbsent(tenant, t -> new Lane<>());
        boolean lead;
        synchronized (lane) {
            lead = !lane.busy;
            if (lead) {
                lane.busy = true;
            } else {
                lane.waiting.add(own);
            }
        }
        if (!lead && own.signal.join() != LEAD) {
            return own.signal.join();
        }
        return lead(lane, own);
    }

    /** How many of the tenant's callers wait for the write in flight. */
    int waiting(TenantId tenant) {
        Lane<R> lane = lanes.get(tenant);
        if (lane == null) {
            return 0;
        }
        synchronized (lane) {
            return lane.waiting.size();
        }
    }

    private Object lead(Lane<R> lane, Pending<R> own) {
        List<Pending<R>> batch = new ArrayList<>();
        batch.add(own);
        synchronized (lane) {
            List<R> requests = new ArrayList<>(List.of(own.request));
            for (Iterator<Pending<R>> it = lane.waiting.iterator(); it.hasNext() && batch.size() < maxBatch; ) {
                Pending<R> next = it.next();
                if (fits.test(requests, next.request)) {
                    it.remove();
                    batch.add(next);
                    requests.add(next.request);
                }
            }
        }
        try {
            write.accept(batch);
        } catch (RuntimeException e) {
            batch.forEach(pending -> pending.done(e));
        } finally {
            synchronized (lane) {
                Pending<R> next = lane.waiting.poll();
                if (next == null) {
                    lane.busy = false;
                } else {
                    next.signal.complete(LEAD);
                }
            }
        }
        // the write settles every request of its batch (done with a result or a failure), the lead's own included
        return Objects.requireNonNull(own.outcome, "a written batch settles every request");
    }

    private static final Object LEAD = new Object();

    /** A request waiting for its outcome (a result or a {@link RuntimeException}). */
    static final class Pending<R> {
        final R request;
        private final CompletableFuture<Object> signal = new CompletableFuture<>();
        private volatile @Nullable Object outcome;

        Pending(R request) {
            this.request = request;
        }

        /** Sets the outcome once (a later call changes nothing) and wakes the caller if it waits. */
        synchronized void done(Object result) {
            if (outcome == null) {
                outcome = result;
                signal.complete(result);
            }
        }
    }

    private static final class Lane<R> {
        boolean busy;
        final Deque<Pending<R>> waiting = new ArrayDeque<>();
    }
}
