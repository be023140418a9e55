package io.tenantchat.api.erasure.application;

import io.tenantchat.api.erasure.domain.JobId;
import io.tenantchat.api.erasure.domain.JobRef;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Out-port over every tenant's jobs (docs/security.md section 4): where a job id is stored (for an operator reading a
 * job of another tenant; the caller is checked against the job afterwards) and which running jobs lost their lease.
 */
public interface JobDirectory {

    Optional<JobRef> find(JobId jobId);

    /** Running jobs whose lease ran out before {@code now}, at most {@code limit}. */
    List<JobRef> expiredLeases(Instant now, int limit);
}
