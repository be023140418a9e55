package io.tenantchat.api.session.adapter.in.web;

import io.tenantchat.api.error.InvalidRequestException;
import io.tenantchat.api.identity.Caller;
import io.tenantchat.api.session.application.PageQuery;
import io.tenantchat.api.session.application.ViewTenantSessionsUseCase;
import io.tenantchat.shared.TenantId;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A tenant-admin's view of all sessions of their tenant (the path names the tenant; it must be the token's). */
@RestController
class TenantSessionController {

    private final ViewTenantSessionsUseCase viewTenantSessions;

    TenantSessionController(ViewTenantSessionsUseCase viewTenantSessions) {
        this.viewTenantSessions = viewTenantSessions;
    }

    @GetMapping("/api/tenants/{tenantId}/sessions")
    TenantSessionsResponse list(Caller caller, @PathVariable String tenantId,
            @RequestParam(defaultValue = "" + PageQuery.DEFAULT_LIMIT) int limit,
            @RequestParam(required = false) @Nullable String cursor) {
        if (!TenantId.isValid(tenantId)) {
            throw new InvalidRequestException("invalid_tenant_id", "not a tenant id");
        }
        TenantId tenant = TenantId.of(tenantId);
        return TenantSessionsResponse.of(tenant, viewTenantSessions.listTenantSessions(caller, tenant,
                new PageQuery(limit, cursor)));
    }
}
