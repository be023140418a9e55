package io.tenantchat.worker.reply.application;

import io.tenantchat.shared.TenantId;
import io.tenantchat.worker.reply.domain.TenantProfile;

/** Out-port: a tenant's profile as it stands now (a few seconds stale at most). */
public interface TenantProfiles {

    /** Every tenant on the deployment's settings. */
    TenantProfiles NONE = tenant -> TenantProfile.NONE;

    TenantProfile profileOf(TenantId tenant);
}
