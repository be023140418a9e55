package io.tenantchat.worker.reply.application;

import io.tenantchat.shared.TenantId;

/**
 * Out-port: what the worker keeps of tenants' settings ({@link TenantProfiles}, {@link TenantLimits}) hears that a
 * tenant's plan or profile was saved, so the next reply reads them afresh instead of waiting out a cache time.
 */
public interface TenantSettingsChanges {

    /** The tenant's plan or profile changed: read them again before its next reply. */
    void changed(TenantId tenant);
}
