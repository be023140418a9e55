package io.tenantchat.api.erasure.domain;

import io.tenantchat.shared.TenantId;

/** Where a job is stored: its subject's tenant and its id. */
public record JobRef(TenantId tenantId, JobId jobId) {
}
