package io.tenantchat.worker.reply.adapter.in.sqs;

import io.awspring.cloud.sqs.listener.backpressure.BatchAwareBackPressureHandler;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The listener's back-pressure: one permit per job the worker holds (received and not yet acknowledged), and a few
 * receives at a time. A receive asks for as many jobs as there are free permits, up to the batch size, so a new job
 * is received as soon as one permit is free: it never waits for a batch of running jobs to end (spring-cloud-aws's
 * adaptive handler waits for whole batches and, in its high-throughput mode, starts one poll per free batch).
 * Every poll ends with one release of its unused permits (none fetched or a partial fetch), which also frees its
 * receive slot; every processed job gives back its own permit.
 */
final class JobPermits implements BatchAwareBackPressureHandler {

    private final Semaphore jobs;
    private final Semaphore polls;
    private final int maxJobs;
    private final int batchSize;
    private final Duration wait;

    JobPermits(int maxJobs, int concurrentPolls, int batchSize, Duration wait) {
        this.jobs = new Semaphore(maxJobs);
        this.polls = new Semaphore(concurrentPolls);
        this.maxJobs = maxJobs;
        this.batchSize = batchSize;
        this.wait = wait;
    }

    @Override
    public int requestBatch() throws InterruptedException {
        return request(batchSize);
    }

    /** A receive slot and up to {@code amount} job permits, or 0 after waiting {@link #wait} for them. */
    @Override
    public int request(int amount) throws InterruptedException {
        if (!polls.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
            return 0;
        }
        int granted = acquireUpTo(Math.min(amount, batchSize));
        if (granted == 0) {
            polls.release();
        }
        return granted;
    }

    private int acquireUpTo(int amount) throws InterruptedException {
        if (!jobs.tryAcquire(1, wait.toMillis(), TimeUnit.MILLISECONDS)) {
            return 0;
        }
        int more = 0;
        while (more < amount - 1 && jobs.tryAcquire()) {
            more++;
        }
        return 1 + more;
    }

    @Override
    public void release(int amount, ReleaseReason reason) {
        if (amount > 0) {
            jobs.release(amount);
        }
        if (reason == ReleaseReason.NONE_FETCHED || reason == ReleaseReason.PARTIAL_FETCH) {
            polls.release();
        }
    }

    /** Jobs held now: received and not yet done. */
    int held() {
        return maxJobs - jobs.availablePermits();
    }

    /** Waits until every held job has ended, for at most {@code timeout}. */
    @Override
    public boolean drain(Duration timeout) {
        try {
            boolean drained = jobs.tryAcquire(maxJobs, timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (drained) {
                jobs.release(maxJobs);
            }
            return drained;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
