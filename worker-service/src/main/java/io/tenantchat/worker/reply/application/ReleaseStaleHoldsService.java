package io.tenantchat.worker.reply.application;

import io.tenantchat.worker.reply.domain.MessageRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives back quota holds older than the longest life a job can have: every ending of a message releases its hold,
 * so a hold this old was left behind by a path that did not (a crash between two writes, a job dead-lettered by
 * the queue's redrive, a future bug), and would keep the tenant's in-flight slot, session and tokens for good.
 * Safe on several instances at once: each release is conditional on the hold, so it happens once.
 */
public final class ReleaseStaleHoldsService {

    private static final Logger log = LoggerFactory.getLogger(ReleaseStaleHoldsService.class);

    private final QuotaHolds holds;
    private final Duration maxAge;
    private final Clock clock;

    /** @param maxAge the longest life of a job; holds older than this are given back */
    public ReleaseStaleHoldsService(QuotaHolds holds, Duration maxAge, Clock clock) {
        this.holds = holds;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** @return how many holds this call gave back */
    public int releaseStaleHolds() {
        Instant cutoff = clock.instant().minus(maxAge);
        int released = 0;
        for (MessageRef ref : holds.heldSince(cutoff)) {
            if (holds.releaseIfHeldSince(ref, cutoff)) {
                log.warn("Gave back the quota hold of message {} of tenant {}, held for over {}", ref.messageId(),
                        ref.tenantId(), maxAge);
                released++;
            }
        }
        return released;
    }
}
