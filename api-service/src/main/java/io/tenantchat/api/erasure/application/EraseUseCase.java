package io.tenantchat.api.erasure.application;

import io.tenantchat.api.erasure.domain.ErasureJob;
import io.tenantchat.api.identity.Caller;

/** Starts erasures and shows their jobs to whoever started them. */
public interface EraseUseCase {

    /** Erases a user of the caller's tenant: the user itself or a tenant-admin of that tenant. */
    ErasureJob eraseUser(Caller caller, String tenantId, String userId);

    /** Off-boards a tenant (platform operators). */
    ErasureJob offboard(Caller caller, String tenantId);

    /** The job, to the caller that started it; 404 for anyone else. */
    ErasureJob job(Caller caller, String jobId);
}
