package io.tenantchat.shared.audit;

import io.tenantchat.shared.TenantId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One stored entry of a tenant's audit trail: the event, its place in the chain ({@code seq} counts from 1 per
 * tenant) and the chain's hashes ({@code prevHash} is the entry before's {@code hash}, {@link AuditChain#GENESIS}
 * for the first).
 */
public record AuditEntry(TenantId tenantId, long seq, String actor, String action, String target,
        Map<String, String> before, Map<String, String> after, Instant at, String requestId, String prevHash,
        String hash) {

    public AuditEntry {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(prevHash, "prevHash");
        Objects.requireNonNull(hash, "hash");
        before = Map.copyOf(Objects.requireNonNull(before, "before"));
        after = Map.copyOf(Objects.requireNonNull(after, "after"));
    }

    /** The hash this entry's content and place call for (equals {@link #hash()} unless it was changed). */
    public String expectedHash() {
        return AuditChain.hash(tenantId, seq, actor, action, target, before, after, at, requestId, prevHash);
    }
}
