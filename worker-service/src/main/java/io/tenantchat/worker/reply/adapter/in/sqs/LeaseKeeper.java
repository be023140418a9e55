package io.tenantchat.worker.reply.adapter.in.sqs;

import io.awspring.cloud.sqs.listener.SqsHeaders;
import io.tenantchat.worker.config.WorkerProperties;
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
 * One lease keeper per worker: keeps every running job invisible to other workers. A job's receive already set its
 * visibility to the lease, so nothing is sent when a job starts; every tick (2 s, or half a heartbeat if shorter) the
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
    private final Map<Long, Held> held = new ConcurrentHashMap<>();
    private final Map<Long, CompletableFuture<?>> renewing = new ConcurrentHashMap<>();
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

    /** Keeps the received {@code message} invisible until the returned lease is closed; sends nothing now. */
    Lease hold(Message<?> message) {
        Object queueUrl = message.getHeaders().get(SqsHeaders.SQS_QUEUE_URL_HEADER);
        Object receipt = message.getHeaders().get(SqsHeaders.SQS_RECEIPT_HANDLE_HEADER);
        if (queueUrl == null || receipt == null) {
            return () -> { };
        }
        long id = ids.incrementAndGet();
        held.put(id, new Held(queueUrl.toString(), receipt.toString(), clock.instant()));
        log.debug("Lease {} held for {}", id, receipt);
        return () -> release(id);
    }

    /**
     * Stops renewing the job; if a renewal of it is on its way, waits for its answer (briefly), so the job's delete
     * is never overtaken by a renewal of a handle that is already gone.
     */
    private void release(long id) {
        held.remove(id);
        CompletableFuture<?> renewal = renewing.get(id);
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
        Map<String, List<Map.Entry<Long, Held>>> byQueue = held.entrySet().stream()
                .filter(e -> !e.getValue().renewedAt().isAfter(due))
                .collect(Collectors.groupingBy(e -> e.getValue().queueUrl()));
        int batches = 0;
        for (var queue : byQueue.entrySet()) {
            List<Map.Entry<Long, Held>> due10 = queue.getValue();
            for (int from = 0; from < due10.size(); from += MAX_BATCH) {
                renew(queue.getKey(), due10.subList(from, Math.min(due10.size(), from + MAX_BATCH)), now);
                batches++;
            }
        }
        return batches;
    }

    private void renew(String queueUrl, List<Map.Entry<Long, Held>> batch, Instant now) {
        CompletableFuture<Void> answered = new CompletableFuture<>();
        List<Long> sent = new ArrayList<>();
        List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
        for (Map.Entry<Long, Held> e : batch) {
            renewing.put(e.getKey(), answered);
            if (held.computeIfPresent(e.getKey(), (id, h) -> h.renewedAt(now)) == null) {
                renewing.remove(e.getKey(), answered); // released meanwhile: its delete may be on its way
                continue;
            }
            sent.add(e.getKey());
            entries.add(ChangeMessageVisibilityBatchRequestEntry.builder().id(Long.toString(e.getKey()))
                    .receiptHandle(e.getValue().receiptHandle()).visibilityTimeout(leaseSeconds).build());
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

    private record Held(String queueUrl, String receiptHandle, Instant renewedAt) {
        Held renewedAt(Instant at) {
            return new Held(queueUrl, receiptHandle, at);
        }
    }

    /** A kept lease; closing it stops the renewals (the job is then acknowledged or left to reappear). */
    interface Lease extends AutoCloseable {
        @Override
        void close();
    }
}
