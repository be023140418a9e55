package io.tenantchat.api.audit.adapter.in.web;

import io.tenantchat.api.audit.application.ViewAuditTrailUseCase;
import io.tenantchat.api.identity.Caller;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A tenant's audit trail: its tenant-admins read their own, platform operators any tenant's. */
@RestController
class AuditController {

    private final ViewAuditTrailUseCase audit;

    AuditController(ViewAuditTrailUseCase audit) {
        this.audit = audit;
    }

    @GetMapping("/api/tenants/{tenantId}/audit")
    AuditPageResponse page(Caller caller, @PathVariable String tenantId,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        return AuditPageResponse.of(audit.page(caller, tenantId, cursor, limit));
    }

    /** Re-computes the tenant's whole chain (what {@code scripts/ops.sh audit-verify} calls). */
    @GetMapping("/api/tenants/{tenantId}/audit/verification")
    AuditVerificationResponse verify(Caller caller, @PathVariable String tenantId) {
        return AuditVerificationResponse.of(tenantId, audit.verify(caller, tenantId));
    }
}
