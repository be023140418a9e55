package io.tenantchat.worker.reply.adapter.in.sqs;

import io.awspring.cloud.sqs.listener.SqsHeaders;
import io.tenantchat.worker.reply.config.WorkerProperties;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;

/**
 * One lease keeper per worker: keeps every job the worker holds invisible to other workers, from its receipt (also
 * while it waits behind an earlier message of its FIFO group) until it is done. The receive already set the
 * job's visibility to the lease, so nothing is sent at receipt; every tick (2 s, or half a heartbeat if shorter) the
 * keeper renews the jobs whose visibility was last set a heartbeat or more ago, ten per
 * {@code ChangeMessageVisibilityBatch}. A job shorter than a heartbeat costs no renewal; a dead worker's jobs
 * reappear one lease after their last renewal.
 */
@Component
class LeaseKeeper {

    private static final Logger log = LoggerFactory.getLogger(LeaseKeeper.class);
    static final int MAX_BATCH = 10;
    private static final Duration RENEWAL_WAIT = Duration.ofSeconds(5);
    private static final Duration TICK = Duration.ofSeconds(2);

    private final SqsAsyncClient sqs;
    private final Clock clock;
    private final int leaseSeconds;
    private final Duration heartbeat;
    private final Map<String, Held> held = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<?>> renewing = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "lease-keeper");
        thread.setDaemon(true);
        return thread;
    });

    @Autowired
    LeaseKeeper(SqsAsyncClient sqs, WorkerProperties worker) {
        this(sqs, worker, Clock.systemUTC(), true);
    }

    LeaseKeeper(SqsAsyncClient sqs, WorkerProperties worker, Clock clock, boolean scheduled) {
        this.sqs = sqs;
        this.clock = clock;
        this.leaseSeconds = worker.visibility().leaseSeconds();
        this.heartbeat = Duration.ofSeconds(Math.min(worker.visibility().heartbeatSeconds(),
                Math.max(1, leaseSeconds / 2)));
        if (scheduled) {
            long tick = Math.max(500, Math.min(TICK.toMillis(), heartbeat.toMillis() / 2));
            ticks.scheduleWithFixedDelay(this::renewSafely, tick, tick, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Keeps the received {@code message} invisible until the returned lease is closed; sends nothing now. Holding a
     * message that is already held (from its receipt) keeps its lease as it is.
     */
    Lease hold(Message<?> message) {
        Object queueUrl = message.getHeaders().get(SqsHeaders.SQS_QUEUE_URL_HEADER);
        Object receipt = message.getHeaders().get(SqsHeaders.SQS_RECEIPT_HANDLE_HEADER);
        if (queueUrl == null || receipt == null) {
            return () -> { };
        }
        String handle = receipt.toString();
        held.computeIfAbsent(handle, h -> {
            log.debug("Lease held for {}", h);
            return new Held(Long.toString(ids.incrementAndGet()), queueUrl.toString(), clock.instant());
        });
        return () -> release(handle);
    }

    /**
     * Stops renewing the job; if a renewal of it is on its way, waits for its answer (briefly), so the job's delete
     * is never overtaken by a renewal of a handle that is already gone.
     */
    private void release(String receiptHandle) {
        held.remove(receiptHandle);
        CompletableFuture<?> renewal = renewing.get(receiptHandle);
        if (renewal != null) {
            try {
                renewal.get(RENEWAL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // the renewal's outcome does not matter any more: the job is done
            }
        }
    }

    /** Jobs whose leases are kept now. */
    int held() {
        return held.size();
    }

    /** Renews every lease set a heartbeat or more ago, in batches of ten per queue; returns the batches sent. */
    int renewDue() {
        Instant now = clock.instant();
        Instant due = now.minus(heartbeat);
        Map<String, List<Map.Entry<String, Held>>> byQueue = held.entrySet().stream()
                .filter(e -> !e.getValue().renewedAt().isAfter(due))
                .collect(Collectors.groupingBy(e -> e.getValue().queueUrl()));
        int batches = 0;
        for (var queue : byQueue.entrySet()) {
            List<Map.Entry<String, Held>> due10 = queue.getValue();
            for (int from = 0; from < due10.size(); from += MAX_BATCH) {
                renew(queue.getKey(), due10.subList(from, Math.min(due10.size(), from + MAX_BATCH)), now);
                batches++;
            }
        }
        return batches;
    }

    private void renew(String queueUrl, List<Map.Entry<String, Held>> batch, Instant now) {
        CompletableFuture<Void> answered = new CompletableFuture<>();
        List<String> sent = new ArrayList<>();
        List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
        for (Map.Entry<String, Held> e : batch) {
            renewing.put(e.getKey(), answered);
            if (held.computeIfPresent(e.getKey(), (id, h) -> h.renewedAt(now)) == null) {
                renewing.remove(e.getKey(), answered); // released meanwhile: its delete may be on its way
                continue;
            }
            sent.add(e.getKey());
            entries.add(ChangeMessageVisibilityBatchRequestEntry.builder().id(e.getValue().id())
                    .receiptHandle(e.getKey()).visibilityTimeout(leaseSeconds).build());
        }
        if (entries.isEmpty()) {
            return;
        }
        sqs.changeMessageVisibilityBatch(r -> r.queueUrl(queueUrl).entries(entries)).whenComplete((response, error) -> {
            sent.forEach(id -> renewing.remove(id, answered));
            answered.complete(null);
            if (log.isDebugEnabled()) {
                log.debug("Renewed {} leases ({}): {}", entries.size(), entries.stream()
                        .map(ChangeMessageVisibilityBatchRequestEntry::receiptHandle).toList(),
                        error != null ? error.toString() : response.failed());
            }
            if (error != null) {
                log.warn("Could not extend the visibility of {} jobs: {}", entries.size(), error.toString());
            } else if (!response.failed().isEmpty()) {
                log.warn("Could not extend the visibility of {} jobs: {}", response.failed().size(),
                        response.failed().get(0).message());
            }
        });
    }

    private void renewSafely() {
        try {
            renewDue();
        } catch (RuntimeException e) {
            log.warn("Lease renewal round failed: {}", e.toString());
        }
    }

    @PreDestroy
    void stop() {
        ticks.shutdownNow();
    }

    /** A held job: its id within a renewal batch, its queue and when its visibility was last set. */
    private record Held(String id, String queueUrl, Instant renewedAt) {
        Held renewedAt(Instant at) {
            return new Held(id, queueUrl, at);
        }
    }

    /** A kept lease; closing it stops the renewals (the job is then acknowledged or left to reappear). */
    interface Lease extends AutoCloseable {
        @Override
        void close();
    }
}
