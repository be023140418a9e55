package io.tenantchat.api.erasure.application;

import io.tenantchat.api.erasure.domain.JobLease;
import io.tenantchat.api.erasure.domain.SessionRef;
import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.UserId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Out-port: the subject tenant's items in the sessions, messages and tenants tables. Every delete is written in one
 * transaction with the job's counters (so a batch and its count land together) and skips items already gone.
 */
public interface ErasureData {

    /** Every session of the user, or of the whole tenant when {@code user} is empty (index queries, never a scan). */
    List<SessionRef> sessions(TenantId tenantId, Optional<UserId> user);

    /** The session's user messages that have not ended (queued or processing). */
    List<MessageId> unfinished(TenantId tenantId, SessionRef session);

    /** Deletes the session's messages, replies, lookups and idempotency items. */
    void eraseConversation(JobLease lease, SessionRef session);

    /** Deletes the session item (off-boarding also remembers its user on the job, for the counter step). */
    void eraseSession(JobLease lease, SessionRef session);

    /** Deletes the users' per-user session counter items. */
    void eraseCounters(JobLease lease, Set<UserId> users);

    /** The users whose sessions an off-boarding deleted (recorded on the job). */
    Set<UserId> usersSeen(JobLease lease);

    /** Deletes every item of the tenant's partition of the tenants table (plan, profile, counters, holds). */
    void eraseTenantItems(JobLease lease);
}
