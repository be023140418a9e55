package io.tenantchat.api.tenant.application;

import io.tenantchat.api.tenant.domain.LimitKind;
import io.tenantchat.api.tenant.domain.PlanLimits;
import io.tenantchat.api.tenant.domain.QuotaPeriods;
import io.tenantchat.api.tenant.domain.QuotaUsage;
import io.tenantchat.api.tenant.domain.Reservation;
import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import java.util.Optional;

/**
 * The tenants' quota counters, shared by every api-service replica: a reservation is one atomic conditional write
 * of all of them, so concurrent requests on any replicas can never take more than a limit allows.
 */
public interface QuotaLedger {

    /** Takes the reservation from every counter, or nothing at all. @return the limit that refused it, if one did */
    Optional<LimitKind> reserve(Reservation reservation, PlanLimits limits);

    /**
     * As {@link #reserve}, for a retry of a message whose hold was given back (failed): the hold is taken again.
     *
     * @throws io.tenantchat.api.error.ConflictException when the hold still holds something
     */
    Optional<LimitKind> reserveAgain(Reservation reservation, PlanLimits limits);

    /**
     * Withdraws a message that was admitted but not stored or not queued: gives back its in-flight slot, token
     * reservation and (unless a worker picked it up meanwhile) its count in the day and month, once; later calls
     * change nothing.
     */
    void cancel(TenantId tenantId, SessionId sessionId, MessageId messageId);

    /**
     * Gives back what the message's hold still holds (its in-flight slot and token reservation), once; its day and
     * month counts stay. For a message that ended with nobody else to release it (its session was deleted).
     */
    void release(TenantId tenantId, MessageId messageId);

    QuotaUsage usage(TenantId tenantId, QuotaPeriods periods);

    /** Tokens used and reserved in the month of {@code periods} (one read, for the warning of every admission). */
    long tokensCommitted(TenantId tenantId, QuotaPeriods periods);
}
