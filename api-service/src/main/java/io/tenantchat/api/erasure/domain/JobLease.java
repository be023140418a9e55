package io.tenantchat.api.erasure.domain;

import io.tenantchat.shared.TenantId;
import java.util.Objects;

/**
 * The right to work on one job: its subject's tenant (the job's partition), its id and the instance holding it.
 * Every checkpoint is conditional on {@code owner} still holding the lease, and renews it.
 */
public record JobLease(TenantId tenantId, JobId jobId, String owner) {

    public JobLease {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(owner, "owner");
    }
}
