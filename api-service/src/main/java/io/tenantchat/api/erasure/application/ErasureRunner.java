package io.tenantchat.api.erasure.application;

import io.tenantchat.api.audit.application.AuditRecorder;
import io.tenantchat.api.chat.application.CancelSignals;
import io.tenantchat.api.chat.domain.MessageRef;
import io.tenantchat.api.erasure.domain.Counts;
import io.tenantchat.api.erasure.domain.ErasureJob;
import io.tenantchat.api.erasure.domain.ErasureStep;
import io.tenantchat.api.erasure.domain.ErasureSubject;
import io.tenantchat.api.erasure.domain.JobLease;
import io.tenantchat.api.erasure.domain.JobStatus;
import io.tenantchat.api.erasure.domain.Pseudonyms;
import io.tenantchat.api.erasure.domain.SessionRef;
import io.tenantchat.api.session.application.MessageQuotas;
import io.tenantchat.api.tenant.application.PlanChanges;
import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.audit.AuditEvent;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one job from the step it stands at to the end, recording each step when it is done. Any failure leaves the
 * job as it is: its lease runs out and an instance's sweeper takes it over, running the step again (every step is
 * idempotent). A lost lease stops this runner at its next checkpoint.
 */
public final class ErasureRunner {

    private static final Logger log = LoggerFactory.getLogger(ErasureRunner.class);
    /** Index reads of the sessions step at most, each after erasing what the one before showed. */
    static final int SESSION_PASSES = 5;

    private final ErasureJobs jobs;
    private final ErasureData data;
    private final ApiKeyEraser apiKeys;
    private final PartialReplies partials;
    private final DeadLetterPurger deadLetters;
    private final UsagePseudonymizer usage;
    private final Collaborators others;
    private final ErasureFaults faults;
    private final Clock clock;

    /** The other features' ports a job uses. */
    public record Collaborators(CancelSignals cancelSignals, MessageQuotas quotas, PlanChanges planChanges,
            AuditRecorder audit, Pseudonyms pseudonyms) {
    }

    public ErasureRunner(ErasureJobs jobs, ErasureData data, ApiKeyEraser apiKeys, PartialReplies partials,
            DeadLetterPurger deadLetters, UsagePseudonymizer usage, Collaborators others, ErasureFaults faults,
            Clock clock) {
        this.jobs = jobs;
        this.data = data;
        this.apiKeys = apiKeys;
        this.partials = partials;
        this.deadLetters = deadLetters;
        this.usage = usage;
        this.others = others;
        this.faults = faults;
        this.clock = clock;
    }

    /** Runs the job to its end; never throws. */
    public void run(JobLease lease) {
        try {
            ErasureJob job = jobs.find(lease.tenantId(), lease.jobId())
                    .orElseThrow(() -> new IllegalStateException("job " + lease.jobId().value() + " not stored"));
            if (job.status() != JobStatus.RUNNING) {
                return;
            }
            ErasureStep step = job.step();
            while (step != ErasureStep.DONE) {
                run(lease, job.subject(), step);
                faults.after(step);
                step = step.next(job.subject());
                jobs.checkpoint(lease, step, Map.of());
            }
            complete(lease);
        } catch (LeaseLostException lost) {
            log.info("erasure job {} is held by another instance now: {}", lease.jobId().value(), lost.getMessage());
        } catch (RuntimeException e) {
            log.warn("erasure job {} stopped; an instance takes it over when its lease runs out",
                    lease.jobId().value(), e);
        }
    }

    private void run(JobLease lease, ErasureSubject subject, ErasureStep step) {
        switch (step) {
            case SESSIONS -> eraseSessions(lease, subject);
            case SESSION_COUNTERS -> data.eraseCounters(lease, subject.user().map(Set::of)
                    .orElseGet(() -> data.usersSeen(lease)));
            case API_KEYS -> apiKeys.erase(lease, subject.user());
            case DEAD_LETTERS -> jobs.checkpoint(lease, step,
                    Map.of(Counts.DEAD_LETTERS, deadLetters.purge(subject.tenantId(), subject.user())));
            case USAGE -> {
                UsagePseudonymizer.UsageRewrite rewrite = usage.pseudonymize(subject.tenantId(), subject.user());
                jobs.checkpoint(lease, step, Map.of(Counts.USAGE_ROWS, rewrite.usageRows(),
                        Counts.ROLLUP_ITEMS, rewrite.rollupItems()));
            }
            case TENANT_ITEMS -> {
                data.eraseTenantItems(lease);
                others.planChanges().publish(subject.tenantId());
            }
            case DONE -> {
            }
        }
    }

    /**
     * The sessions the index shows, again until it shows none not erased yet: the index is eventually consistent, so
     * a session created just before may appear only in a later pass (a session already erased may still appear: its
     * conditional deletes find nothing and count nothing).
     */
    private void eraseSessions(JobLease lease, ErasureSubject subject) {
        Set<SessionRef> erased = new HashSet<>();
        for (int pass = 0; pass < SESSION_PASSES; pass++) {
            List<SessionRef> found = data.sessions(subject.tenantId(), subject.user()).stream()
                    .filter(session -> !erased.contains(session)).toList();
            if (found.isEmpty()) {
                return;
            }
            for (SessionRef session : found) {
                eraseSession(lease, session);
                erased.add(session);
            }
        }
    }

    /**
     * Stops the session's replies in progress, gives back their quota holds and drops their Redis snapshots, then
     * deletes the conversation and the session. A rerun finds the same unfinished messages until they are deleted,
     * so each of these is repeated at worst, never skipped.
     */
    private void eraseSession(JobLease lease, SessionRef session) {
        List<MessageId> unfinished = data.unfinished(session.tenantId(), session);
        for (MessageId message : unfinished) {
            MessageRef ref = new MessageRef(session.tenantId(), session.sessionId(), session.userId(), message);
            others.cancelSignals().stopping(ref);
            others.quotas().release(session.tenantId(), message);
        }
        long snapshots = unfinished.isEmpty() ? 0 : partials.delete(session.tenantId(), session.sessionId(), unfinished);
        if (snapshots > 0) {
            jobs.checkpoint(lease, ErasureStep.SESSIONS, Map.of(Counts.REDIS_KEYS, snapshots));
        }
        data.eraseConversation(lease, session);
        data.eraseSession(lease, session);
    }

    /** Appends the audit entry with the certificate's counts and completes the job, in one transaction. */
    private void complete(JobLease lease) {
        ErasureJob job = jobs.find(lease.tenantId(), lease.jobId()).orElseThrow();
        ErasureSubject subject = job.subject();
        Map<String, String> counts = new TreeMap<>();
        Counts.complete(job.counts()).forEach((name, n) -> counts.put(name, Long.toString(n)));
        String target = subject.user().map(u -> "user/" + others.pseudonyms().of(subject.tenantId(), u).value())
                .orElse("tenant");
        // the audit trail outlives the user: it names the erased user by pseudonym, also as the actor of a self-erasure
        String actor = subject.user().filter(u -> job.startedBy(subject.tenantId(), u))
                .map(u -> subject.tenantId().value() + "/" + others.pseudonyms().of(subject.tenantId(), u).value())
                .orElse(job.actor());
        AuditEvent event = new AuditEvent(subject.tenantId(), actor,
                subject.isTenant() ? "tenant.offboarded" : "user.erased", target, Map.of(), counts, job.requestId());
        others.audit().record(event, entry -> jobs.complete(lease, entry, clock.instant()));
        log.info("erasure job {} completed: {}", lease.jobId().value(), counts);
    }
}
