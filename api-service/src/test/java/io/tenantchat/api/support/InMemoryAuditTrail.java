package io.tenantchat.api.support;

import io.tenantchat.api.audit.application.AuditConflictException;
import io.tenantchat.api.audit.application.AuditRecorder;
import io.tenantchat.api.audit.application.AuditTrail;
import io.tenantchat.api.web.RequestIds;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.audit.AuditEntry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** Audit chains in maps, for use-case and web slice tests; appends are conditional on a free seq as in DynamoDB. */
public class InMemoryAuditTrail implements AuditTrail {

    private final Map<TenantId, NavigableMap<Long, AuditEntry>> chains = new ConcurrentHashMap<>();

    /** A recorder over this trail, with the request id {@code test-request}. */
    public AuditRecorder recorder(Clock clock) {
        return new AuditRecorder(this, clock, () -> "test-request");
    }

    /** A recorder over this trail that records the served request's id, as the application's does. */
    public AuditRecorder requestRecorder(Clock clock) {
        return new AuditRecorder(this, clock, RequestIds::current);
    }

    @Override
    public Optional<AuditEntry> last(TenantId tenantId) {
        NavigableMap<Long, AuditEntry> chain = chains.get(tenantId);
        return chain == null || chain.isEmpty() ? Optional.empty() : Optional.of(chain.lastEntry().getValue());
    }

    @Override
    public synchronized void append(TenantId tenantId, AuditEntry entry) {
        NavigableMap<Long, AuditEntry> chain = chains.computeIfAbsent(tenantId, t -> new ConcurrentSkipListMap<>());
        if (chain.putIfAbsent(entry.seq(), entry) != null) {
            throw new AuditConflictException("seq " + entry.seq() + " taken", new IllegalStateException());
        }
    }

    @Override
    public AuditPage page(TenantId tenantId, long after, int limit) {
        List<AuditEntry> entries = new ArrayList<>(chains.getOrDefault(tenantId, new ConcurrentSkipListMap<>())
                .tailMap(after, false).values());
        boolean more = entries.size() > limit;
        List<AuditEntry> page = more ? entries.subList(0, limit) : entries;
        return new AuditPage(page, more ? page.getLast().seq() : null);
    }

    /** Every entry of the tenant, in order. */
    public List<AuditEntry> entries(TenantId tenantId) {
        return List.copyOf(chains.getOrDefault(tenantId, new ConcurrentSkipListMap<>()).values());
    }

    /** Replaces a stored entry as it is (a tampering test). */
    public void overwrite(AuditEntry entry) {
        chains.computeIfAbsent(entry.tenantId(), t -> new ConcurrentSkipListMap<>()).put(entry.seq(), entry);
    }

    /** Removes a stored entry (a tampering test). */
    public void remove(TenantId tenantId, long seq) {
        chains.getOrDefault(tenantId, new ConcurrentSkipListMap<>()).remove(seq);
    }
}
