package io.tenantchat.api.erasure.application;

import io.tenantchat.api.erasure.domain.ErasureJob;
import io.tenantchat.api.erasure.domain.ErasureStep;
import io.tenantchat.api.erasure.domain.JobId;
import io.tenantchat.api.erasure.domain.JobLease;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.audit.AuditEntry;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Out-port: the jobs table, in the subject tenant's partition. Checkpoints fail with {@link LeaseLostException}. */
public interface ErasureJobs {

    /**
     * Stores {@code job} leased to {@code owner}, unless a job for the same subject is running: then that one is
     * answered and nothing is stored.
     */
    Started start(TenantId tenantId, ErasureJob job, String owner);

    Optional<ErasureJob> find(TenantId tenantId, JobId jobId);

    /** Moves the job to {@code step}, adds {@code counts} and renews the lease, on condition the lease is held. */
    void checkpoint(JobLease lease, ErasureStep step, Map<String, Long> counts);

    /**
     * Takes the job over if it is running and its lease ran out by {@code now}, counting one more attempt; empty
     * when another instance holds it or took it first.
     */
    Optional<JobLease> takeOver(TenantId tenantId, JobId jobId, String owner, Instant now);

    /** Completes the job and appends its audit {@code entry} in one transaction (the subject becomes free again). */
    void complete(JobLease lease, AuditEntry entry, Instant finishedAt);

    /** Ends the job as failed (the subject becomes free again). */
    void fail(JobLease lease, String reason, Instant finishedAt);

    /** @param created false: {@code job} is the one that was running already */
    record Started(ErasureJob job, boolean created) {
    }
}
