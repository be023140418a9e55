package io.tenantchat.api.audit.application;

import io.tenantchat.api.error.UnavailableException;
import io.tenantchat.api.identity.Caller;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.audit.AuditChain;
import io.tenantchat.shared.audit.AuditEntry;
import io.tenantchat.shared.audit.AuditEvent;
import java.time.Clock;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Appends administrative actions to their tenant's chain. An action that is a DynamoDB write passes its write as
 * {@code write}: the store puts the entry in the same {@code TransactWriteItems}, so the action and its entry are
 * stored together or not at all. When another action of the tenant took the sequence number first, the chain's end
 * is read again and the write retried (the action's own condition decides whether it still applies).
 */
public final class AuditRecorder {

    static final int ATTEMPTS = 5;

    private final AuditTrail trail;
    private final Clock clock;
    private final Supplier<String> requestId;

    /** @param requestId the current request's id (the {@code X-Request-Id} given or made for it) */
    public AuditRecorder(AuditTrail trail, Clock clock, Supplier<String> requestId) {
        this.trail = trail;
        this.clock = clock;
        this.requestId = requestId;
    }

    /** How a caller is named in an entry: {@code <tenant>/<user>}. */
    public static String actor(Caller caller) {
        return caller.tenantId().value() + "/" + caller.userId().value();
    }

    /** An event of the current request. */
    public AuditEvent event(Caller caller, TenantId tenant, String action, String target, Map<String, String> before,
            Map<String, String> after) {
        return new AuditEvent(tenant, actor(caller), action, target, before, after, requestId.get());
    }

    /** Appends {@code event} on its own (after an action that is not a DynamoDB write). */
    public AuditEntry record(AuditEvent event) {
        return record(event, entry -> trail.append(entry.tenantId(), entry));
    }

    /** Runs {@code write}, which stores the action together with the entry it is given. */
    public AuditEntry record(AuditEvent event, Consumer<AuditEntry> write) {
        for (int attempt = 1; ; attempt++) {
            AuditEntry entry = AuditChain.next(trail.last(event.tenantId()).orElse(null), event, clock.instant());
            try {
                write.accept(entry);
                return entry;
            } catch (AuditConflictException e) {
                if (attempt >= ATTEMPTS) {
                    throw new UnavailableException("audit_contended", "too many concurrent changes to this tenant; retry");
                }
            }
        }
    }
}
