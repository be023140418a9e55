package io.tenantchat.worker.reply.config;

import io.tenantchat.worker.usage.config.UsageProperties;
import java.time.Duration;

/**
 * The longest a received job can keep its message's quota hold, from the settings: every model call of the
 * message's attempt budget may run to the call timeout and be followed by the longer of the backoff and a lease
 * running out (a dead worker's job reappearing), one more delivery marks it failed after a lease, and a success
 * may wait for its usage event to be published. Time waiting in the queue before the first receipt is not in it.
 */
final class JobLife {

    private JobLife() {
    }

    static Duration longest(WorkerProperties worker, ModelProperties model, UsageProperties usage) {
        Duration lease = Duration.ofSeconds(worker.visibility().leaseSeconds());
        Duration gap = worker.retry().maxBackoff().compareTo(lease) > 0 ? worker.retry().maxBackoff() : lease;
        return model.callTimeout().plus(gap).multipliedBy(worker.maxAttempts()).plus(lease)
                .plus(usage.publishTimeout());
    }
}
