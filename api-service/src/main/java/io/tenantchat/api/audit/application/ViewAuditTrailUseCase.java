package io.tenantchat.api.audit.application;

import io.tenantchat.api.identity.Caller;
import io.tenantchat.shared.audit.AuditVerification;
import org.jspecify.annotations.Nullable;

/** A tenant's audit trail, for its tenant-admins and for platform operators. */
public interface ViewAuditTrailUseCase {

    /** A page of entries, oldest first, after the opaque {@code cursor} of the page before (null: from the start). */
    AuditService.Page page(Caller caller, String tenantId, @Nullable String cursor, @Nullable Integer limit);

    /** Re-computes the whole chain and says whether and where it breaks. */
    AuditVerification verify(Caller caller, String tenantId);
}
