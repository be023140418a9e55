package io.tenantchat.api.audit.adapter.in.web;

import io.tenantchat.shared.audit.AuditVerification;
import org.jspecify.annotations.Nullable;

/** Whether the tenant's chain is intact; else the first sequence number where it breaks and how. */
record AuditVerificationResponse(String tenantId, boolean intact, long entries, @Nullable Long brokenAt,
        @Nullable String problem, String headHash) {

    static AuditVerificationResponse of(String tenantId, AuditVerification v) {
        return new AuditVerificationResponse(tenantId, v.intact(), v.entries(), v.brokenAt(), v.problem(), v.headHash());
    }
}
