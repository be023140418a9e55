package io.tenantchat.shared.audit;

import org.jspecify.annotations.Nullable;

/**
 * What checking a tenant's chain found: intact, or the first entry where it breaks and why.
 *
 * @param entries how many entries were checked
 * @param brokenAt the sequence number where the chain first breaks (the missing one for a gap), null when intact
 * @param problem {@code gap}, {@code modified}, {@code relinked} (prev_hash is not the entry before's hash) or
 *     {@code foreign_tenant}; null when intact
 * @param headHash the hash of the last intact entry ({@link AuditChain#GENESIS} for none): kept elsewhere, it shows
 *     later that no entry was cut off the end and that the chain was not recomputed from an earlier point
 */
public record AuditVerification(boolean intact, long entries, @Nullable Long brokenAt, @Nullable String problem,
        String headHash) {

    public static AuditVerification ok(long entries, String headHash) {
        return new AuditVerification(true, entries, null, null, headHash);
    }

    public static AuditVerification broken(long entries, long at, String problem, String headHash) {
        return new AuditVerification(false, entries, at, problem, headHash);
    }
}
