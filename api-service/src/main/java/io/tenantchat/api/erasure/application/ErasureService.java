package io.tenantchat.api.erasure.application;

import io.tenantchat.api.audit.application.AuditRecorder;
import io.tenantchat.api.erasure.domain.ErasureJob;
import io.tenantchat.api.erasure.domain.ErasureStep;
import io.tenantchat.api.erasure.domain.ErasureSubject;
import io.tenantchat.api.erasure.domain.JobId;
import io.tenantchat.api.erasure.domain.JobLease;
import io.tenantchat.api.erasure.domain.JobRef;
import io.tenantchat.api.erasure.domain.JobStatus;
import io.tenantchat.api.error.ForbiddenException;
import io.tenantchat.api.error.InvalidRequestException;
import io.tenantchat.api.error.NotFoundException;
import io.tenantchat.api.identity.Caller;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.UserId;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a job per erasure and runs it at once on a bounded executor, leased to this instance. A second request for
 * the same subject while a job runs answers that job (nothing new starts); after it ended, a request starts a new
 * job, which finds what is left (nothing: counts 0). {@link #sweep} takes over jobs whose lease ran out.
 */
public final class ErasureService implements EraseUseCase {

    private static final Logger log = LoggerFactory.getLogger(ErasureService.class);

    private final ErasureJobs jobs;
    private final JobDirectory directory;
    private final ErasureRunner runner;
    private final Executor executor;
    private final Settings settings;
    private final Supplier<String> requestId;
    private final Clock clock;

    /**
     * @param owner this instance's name on the leases it holds
     * @param maxAttempts takeovers after which a job ends failed
     */
    public record Settings(String owner, int maxAttempts, int sweepBatch) {
    }

    public ErasureService(ErasureJobs jobs, JobDirectory directory, ErasureRunner runner, Executor executor,
            Settings settings, Supplier<String> requestId, Clock clock) {
        this.jobs = jobs;
        this.directory = directory;
        this.runner = runner;
        this.executor = executor;
        this.settings = settings;
        this.requestId = requestId;
        this.clock = clock;
    }

    @Override
    public ErasureJob eraseUser(Caller caller, String tenantId, String userId) {
        TenantId tenant = tenant(tenantId);
        if (!UserId.isValid(userId)) {
            throw new InvalidRequestException("invalid_user_id", "not a user id");
        }
        if (!tenant.equals(caller.tenantId())) {
            throw new ForbiddenException("tenant_mismatch", "the tenant in the path does not match the token");
        }
        UserId user = UserId.of(userId);
        if (!user.equals(caller.userId()) && !caller.isTenantAdmin()) {
            throw new ForbiddenException("tenant_admin_required",
                    "only the user itself or a tenant-admin of its tenant may erase a user");
        }
        return start(caller, ErasureSubject.user(tenant, user));
    }

    @Override
    public ErasureJob offboard(Caller caller, String tenantId) {
        TenantId tenant = tenant(tenantId);
        if (!caller.isPlatformOperator()) {
            throw new ForbiddenException("platform_operator_required", "only a platform operator off-boards a tenant");
        }
        return start(caller, ErasureSubject.tenant(tenant));
    }

    @Override
    public ErasureJob job(Caller caller, String jobId) {
        if (!JobId.isValid(jobId)) {
            throw notFound();
        }
        JobId id = new JobId(jobId);
        Optional<ErasureJob> job = jobs.find(caller.tenantId(), id);
        if (job.isEmpty() && caller.isPlatformOperator()) {
            job = directory.find(id).flatMap(ref -> jobs.find(ref.tenantId(), ref.jobId()));
        }
        return job.filter(j -> j.startedBy(caller.tenantId(), caller.userId())).orElseThrow(ErasureService::notFound);
    }

    /** Takes over running jobs whose lease ran out (each instance calls this periodically). */
    public void sweep() {
        for (JobRef ref : directory.expiredLeases(clock.instant(), settings.sweepBatch())) {
            jobs.takeOver(ref.tenantId(), ref.jobId(), owner(), clock.instant()).ifPresent(lease -> {
                int attempts = jobs.find(lease.tenantId(), lease.jobId()).map(ErasureJob::attempts).orElse(0);
                if (attempts > settings.maxAttempts()) {
                    log.error("erasure job {} failed after {} takeovers", lease.jobId().value(), attempts - 1);
                    jobs.fail(lease, "too many attempts", clock.instant());
                } else {
                    log.info("erasure job {} taken over (attempt {})", lease.jobId().value(), attempts);
                    submit(lease);
                }
            });
        }
    }

    private ErasureJob start(Caller caller, ErasureSubject subject) {
        ErasureJob job = new ErasureJob(JobId.random(), subject, caller.tenantId(), caller.userId(),
                AuditRecorder.actor(caller), requestId.get(), JobStatus.RUNNING, ErasureStep.SESSIONS, Map.of(),
                clock.instant(), null, 0);
        String owner = owner();
        ErasureJobs.Started started = jobs.start(subject.tenantId(), job, owner);
        if (started.created()) {
            submit(new JobLease(subject.tenantId(), job.id(), owner));
        }
        return started.job();
    }

    /** Each run holds its own lease: even on one instance a runner that lost it stops at its next checkpoint. */
    private String owner() {
        return settings.owner() + "/" + java.util.UUID.randomUUID();
    }

    /** A job the executor refuses stays leased: the sweeper takes it over when the lease runs out. */
    private void submit(JobLease lease) {
        try {
            executor.execute(() -> runner.run(lease));
        } catch (RejectedExecutionException busy) {
            log.warn("erasure job {} waits for the sweeper: the executor is full", lease.jobId().value());
        }
    }

    private static TenantId tenant(@Nullable String tenantId) {
        if (!TenantId.isValid(tenantId)) {
            throw new InvalidRequestException("invalid_tenant_id", "not a tenant id");
        }
        return TenantId.of(tenantId);
    }

    private static NotFoundException notFound() {
        return new NotFoundException("job_not_found", "no such job");
    }
}
