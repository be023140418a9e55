package io.tenantchat.worker.reply.application;

import io.tenantchat.worker.reply.domain.MessageRef;
import java.time.Instant;
import java.util.List;

/**
 * Out-port: api-service's quota holds of messages (in-flight slot, token reservation), seen across tenants by the
 * reconciler that gives back those no ending of a message gave back.
 */
public interface QuotaHolds {

    /** Messages whose hold, taken before {@code cutoff}, still holds something. */
    List<MessageRef> heldSince(Instant cutoff);

    /**
     * Gives back what the hold still holds, on condition it was still taken before {@code cutoff} (a retry takes it
     * anew), once; concurrent releasers (another reconciler, a late worker) never both give back.
     *
     * @return whether this call gave something back
     */
    boolean releaseIfHeldSince(MessageRef ref, Instant cutoff);
}
