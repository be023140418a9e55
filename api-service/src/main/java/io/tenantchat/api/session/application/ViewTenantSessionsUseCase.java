package io.tenantchat.api.session.application;

import io.tenantchat.api.identity.Caller;
import io.tenantchat.shared.TenantId;

/** A tenant administrator reads every session of their own tenant; nobody reads another tenant's. */
public interface ViewTenantSessionsUseCase {

    /**
     * @throws io.tenantchat.api.error.ForbiddenException unless the caller is a {@code tenant-admin} of
     *     {@code tenantId}
     */
    SessionPage listTenantSessions(Caller caller, TenantId tenantId, PageQuery page);
}
