package io.tenantchat.api.erasure.application;

import io.tenantchat.api.erasure.domain.ErasureJob;
import io.tenantchat.api.erasure.domain.ErasureStep;
import io.tenantchat.api.erasure.domain.ErasureSubject;
import io.tenantchat.api.erasure.domain.JobId;
import io.tenantchat.api.erasure.domain.JobLease;
import io.tenantchat.api.erasure.domain.JobRef;
import io.tenantchat.api.erasure.domain.JobStatus;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.audit.AuditEntry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The jobs table in memory, with the adapter's rules: one running job per subject, every write needs the lease. */
final class InMemoryErasureJobs implements ErasureJobs, JobDirectory {

    private final Map<JobId, ErasureJob> jobs = new LinkedHashMap<>();
    private final Map<JobId, String> owners = new HashMap<>();
    private final Map<JobId, Instant> leases = new HashMap<>();
    private final Map<ErasureSubject, JobId> guards = new HashMap<>();
    final List<AuditEntry> completions = new ArrayList<>();
    private final Clock clock;
    private final Duration lease;

    InMemoryErasureJobs(Clock clock, Duration lease) {
        this.clock = clock;
        this.lease = lease;
    }

    @Override
    public synchronized Started start(TenantId tenantId, ErasureJob job, String owner) {
        JobId running = guards.get(job.subject());
        if (running != null) {
            return new Started(jobs.get(running), false);
        }
        guards.put(job.subject(), job.id());
        jobs.put(job.id(), job);
        owners.put(job.id(), owner);
        leases.put(job.id(), clock.instant().plus(lease));
        return new Started(job, true);
    }

    @Override
    public synchronized Optional<ErasureJob> find(TenantId tenantId, JobId jobId) {
        return Optional.ofNullable(jobs.get(jobId)).filter(job -> job.subject().tenantId().equals(tenantId));
    }

    @Override
    public synchronized void checkpoint(JobLease lease, ErasureStep step, Map<String, Long> counts) {
        ErasureJob job = held(lease);
        Map<String, Long> sum = new HashMap<>(job.counts());
        counts.forEach((name, n) -> sum.merge(name, n, Long::sum));
        jobs.put(job.id(), with(job, job.status(), step, sum, null, job.attempts()));
        leases.put(job.id(), clock.instant().plus(this.lease));
    }

    @Override
    public synchronized Optional<JobLease> takeOver(TenantId tenantId, JobId jobId, String owner, Instant now) {
        ErasureJob job = jobs.get(jobId);
        if (job == null || job.status() != JobStatus.RUNNING || !leases.get(jobId).isBefore(now)) {
            return Optional.empty();
        }
        owners.put(jobId, owner);
        leases.put(jobId, now.plus(lease));
        jobs.put(jobId, with(job, job.status(), job.step(), job.counts(), null, job.attempts() + 1));
        return Optional.of(new JobLease(tenantId, jobId, owner));
    }

    @Override
    public synchronized void complete(JobLease lease, AuditEntry entry, Instant finishedAt) {
        ErasureJob job = held(lease);
        completions.add(entry);
        end(job, JobStatus.COMPLETED, ErasureStep.DONE, finishedAt);
    }

    @Override
    public synchronized void fail(JobLease lease, String reason, Instant finishedAt) {
        ErasureJob job = held(lease);
        end(job, JobStatus.FAILED, job.step(), finishedAt);
    }

    @Override
    public synchronized Optional<JobRef> find(JobId jobId) {
        return Optional.ofNullable(jobs.get(jobId)).map(job -> new JobRef(job.subject().tenantId(), jobId));
    }

    @Override
    public synchronized List<JobRef> expiredLeases(Instant now, int limit) {
        return jobs.values().stream().filter(job -> job.status() == JobStatus.RUNNING)
                .filter(job -> leases.get(job.id()).isBefore(now)).limit(limit)
                .map(job -> new JobRef(job.subject().tenantId(), job.id())).toList();
    }

    synchronized ErasureJob job(JobId id) {
        return jobs.get(id);
    }

    private void end(ErasureJob job, JobStatus status, ErasureStep step, Instant finishedAt) {
        jobs.put(job.id(), with(job, status, step, job.counts(), finishedAt, job.attempts()));
        guards.remove(job.subject());
        leases.remove(job.id());
        owners.remove(job.id());
    }

    private ErasureJob held(JobLease lease) {
        ErasureJob job = jobs.get(lease.jobId());
        if (job == null || job.status() != JobStatus.RUNNING || !lease.owner().equals(owners.get(lease.jobId()))) {
            throw new LeaseLostException("not held by " + lease.owner());
        }
        return job;
    }

    private static ErasureJob with(ErasureJob job, JobStatus status, ErasureStep step, Map<String, Long> counts,
            Instant finishedAt, int attempts) {
        return new ErasureJob(job.id(), job.subject(), job.starterTenant(), job.starterUser(), job.actor(),
                job.requestId(), status, step, counts, job.startedAt(), finishedAt, attempts);
    }
}
