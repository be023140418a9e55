package io.tenantchat.api.erasure.domain;

import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.UserId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One erasure as stored: its subject, who started it, where it stands and what it removed so far (the certificate
 * once {@link JobStatus#COMPLETED}).
 *
 * @param starterTenant the tenant of the token that started it
 * @param starterUser the user of that token: only this caller may read the job
 * @param actor how the audit trail names the starter ({@code tenant/user})
 * @param attempts how many times an instance took the job over after its lease ran out
 */
public record ErasureJob(JobId id, ErasureSubject subject, TenantId starterTenant, UserId starterUser, String actor,
        String requestId, JobStatus status, ErasureStep step, Map<String, Long> counts, Instant startedAt,
        @Nullable Instant finishedAt, int attempts) {

    public ErasureJob {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(subject, "subject");
        counts = Map.copyOf(counts);
    }

    public boolean startedBy(TenantId tenant, UserId user) {
        return starterTenant.equals(tenant) && starterUser.equals(user);
    }
}
