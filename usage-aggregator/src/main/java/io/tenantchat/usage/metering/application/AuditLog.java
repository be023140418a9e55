package io.tenantchat.usage.metering.application;

import io.tenantchat.shared.audit.AuditEntry;
import io.tenantchat.shared.audit.AuditEvent;

/** Out-port: appends an administrative action to its tenant's hash-chained audit trail (api-service's layout). */
public interface AuditLog {

    /** Appends {@code event} after the tenant's last entry, retrying when a concurrent append took the place. */
    AuditEntry append(AuditEvent event);
}
