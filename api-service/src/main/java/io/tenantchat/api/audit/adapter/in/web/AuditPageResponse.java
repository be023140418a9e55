package io.tenantchat.api.audit.adapter.in.web;

import io.tenantchat.api.audit.application.AuditService;
import io.tenantchat.shared.audit.AuditEntry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A page of a tenant's audit entries, oldest first; {@code cursor} fetches the next (absent on the last page). */
record AuditPageResponse(String tenantId, List<AuditEntryBody> entries, @Nullable String cursor) {

    /** One entry; {@code before} and {@code after} map attribute names to values. */
    record AuditEntryBody(long seq, String actor, String action, String target, Map<String, String> before,
            Map<String, String> after, Instant at, String requestId, String prevHash, String hash) {

        static AuditEntryBody of(AuditEntry e) {
            return new AuditEntryBody(e.seq(), e.actor(), e.action(), e.target(), e.before(), e.after(), e.at(), e.requestId(),
                    e.prevHash(), e.hash());
        }
    }

    static AuditPageResponse of(AuditService.Page page) {
        return new AuditPageResponse(page.tenantId().value(), page.entries().stream().map(AuditEntryBody::of).toList(),
                page.cursor());
    }
}
