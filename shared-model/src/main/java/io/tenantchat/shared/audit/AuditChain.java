package io.tenantchat.shared.audit;

import io.tenantchat.shared.TenantId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The per-tenant hash chain: each entry's {@code hash} is SHA-256 over its tenant, sequence number, content, time,
 * request id and the previous entry's hash, every field length-prefixed (so no two different entries serialize the
 * same) and map entries in key order. Changing any stored field, removing an entry or inserting one breaks it.
 */
public final class AuditChain {

    /** The {@code prevHash} of a tenant's first entry. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    /** The entry that follows {@code last} (null: the tenant's first) for {@code event} at {@code at}. */
    public static AuditEntry next(@Nullable AuditEntry last, AuditEvent event, Instant at) {
        if (last != null && !last.tenantId().equals(event.tenantId())) {
            throw new IllegalArgumentException("the last entry belongs to another tenant");
        }
        long seq = last == null ? 1 : last.seq() + 1;
        String prev = last == null ? GENESIS : last.hash();
        String hash = hash(event.tenantId(), seq, event.actor(), event.action(), event.target(), event.before(),
                event.after(), at, event.requestId(), prev);
        return new AuditEntry(event.tenantId(), seq, event.actor(), event.action(), event.target(), event.before(),
                event.after(), at, event.requestId(), prev, hash);
    }

    /** Checks entries read in sequence order from the start; stops at the first break. */
    public static AuditVerification verify(TenantId tenantId, Iterable<AuditEntry> inOrder) {
        Verifier verifier = new Verifier(tenantId);
        for (AuditEntry entry : inOrder) {
            if (!verifier.accept(entry)) {
                return verifier.result();
            }
        }
        return verifier.result();
    }

    /** Checks a chain read page by page: {@link #accept} each entry in order, then {@link #result}. */
    public static final class Verifier {
        private final TenantId tenantId;
        private long checked;
        private String previous = GENESIS;
        private @Nullable AuditVerification broken;

        public Verifier(TenantId tenantId) {
            this.tenantId = tenantId;
        }

        /** @return false once the chain is broken (later entries change nothing) */
        public boolean accept(AuditEntry entry) {
            if (broken != null) {
                return false;
            }
            long expected = checked + 1;
            String problem = !entry.tenantId().equals(tenantId) ? "foreign_tenant"
                    : entry.seq() != expected ? "gap"
                    : !entry.hash().equals(entry.expectedHash()) ? "modified"
                    : !entry.prevHash().equals(previous) ? "relinked" : null;
            if (problem != null) {
                broken = AuditVerification.broken(checked, expected, problem, previous);
                return false;
            }
            checked++;
            previous = entry.hash();
            return true;
        }

        public AuditVerification result() {
            return broken != null ? broken : AuditVerification.ok(checked, previous);
        }
    }

    static String hash(TenantId tenantId, long seq, String actor, String action, String target,
            Map<String, String> before, Map<String, String> after, Instant at, String requestId, String prevHash) {
        StringBuilder text = new StringBuilder();
        field(text, tenantId.value());
        field(text, Long.toString(seq));
        field(text, actor);
        field(text, action);
        field(text, target);
        map(text, before);
        map(text, after);
        field(text, at.toString());
        field(text, requestId);
        field(text, prevHash);
        return sha256(text.toString());
    }

    private static void map(StringBuilder text, Map<String, String> values) {
        field(text, Integer.toString(values.size()));
        new TreeMap<>(values).forEach((key, value) -> {
            field(text, key);
            field(text, value);
        });
    }

    private static void field(StringBuilder text, String value) {
        text.append(value.length()).append(':').append(value).append('\n');
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
