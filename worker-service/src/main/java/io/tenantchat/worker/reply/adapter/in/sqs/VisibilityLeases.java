package io.tenantchat.worker.reply.adapter.in.sqs;

import io.awspring.cloud.sqs.listener.Visibility;
import io.tenantchat.shared.observability.LogContext;
import io.tenantchat.worker.config.WorkerProperties;
import jakarta.annotation.PreDestroy;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps a job invisible while it is handled: its visibility is set to the lease at once and renewed every
 * heartbeat, so a long streamed reply is not redelivered mid-stream, while a dead worker's job reappears one
 * lease after its last heartbeat.
 */
@Component
class VisibilityLeases {

    private static final Logger log = LoggerFactory.getLogger(VisibilityLeases.class);

    private final ScheduledExecutorService heartbeats = Executors.newScheduledThreadPool(1, runnable -> {
        Thread thread = new Thread(runnable, "visibility-heartbeat");
        thread.setDaemon(true);
        return thread;
    });
    private final int leaseSeconds;
    private final long heartbeatSeconds;

    VisibilityLeases(WorkerProperties worker) {
        this.leaseSeconds = worker.visibility().leaseSeconds();
        this.heartbeatSeconds = Math.min(worker.visibility().heartbeatSeconds(), Math.max(1, leaseSeconds / 2));
    }

    /** Renews {@code visibility} until the returned lease is closed. */
    Lease hold(Visibility visibility) {
        Map<String, String> job = LogContext.current();
        renew(visibility, job);
        ScheduledFuture<?> renewals = heartbeats.scheduleAtFixedRate(() -> renew(visibility, job), heartbeatSeconds,
                heartbeatSeconds, TimeUnit.SECONDS);
        return () -> renewals.cancel(false);
    }

    /** Renews on the SDK's threads; a failure is logged with the job's fields (tenant, message, trace). */
    private void renew(Visibility visibility, Map<String, String> job) {
        visibility.changeToAsync(leaseSeconds).whenComplete((done, error) -> {
            if (error != null) {
                try (LogContext ignored = LogContext.of(job)) {
                    log.warn("Could not extend the visibility of a job: {}", error.toString());
                }
            }
        });
    }

    @PreDestroy
    void stop() {
        heartbeats.shutdownNow();
    }

    /** A held lease; closing it stops the renewals (the job is then acknowledged or left to reappear). */
    interface Lease extends AutoCloseable {
        @Override
        void close();
    }
}
