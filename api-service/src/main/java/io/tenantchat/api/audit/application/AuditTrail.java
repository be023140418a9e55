package io.tenantchat.api.audit.application;

import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.audit.AuditEntry;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Where a tenant's audit entries are kept, in sequence order. */
public interface AuditTrail {

    /** The tenant's latest entry (read consistently), none before its first action. */
    Optional<AuditEntry> last(TenantId tenantId);

    /**
     * Stores {@code entry} (of {@code tenantId}) unless its sequence number is taken.
     *
     * @throws AuditConflictException when another entry took that number first
     */
    void append(TenantId tenantId, AuditEntry entry);

    /** Up to {@code limit} entries after sequence number {@code after} (0: from the first), in order. */
    AuditPage page(TenantId tenantId, long after, int limit);

    /** A page of entries and, when more may follow, the sequence number to continue after. */
    record AuditPage(List<AuditEntry> entries, @Nullable Long continueAfter) {
        public AuditPage {
            entries = List.copyOf(entries);
        }
    }
}
