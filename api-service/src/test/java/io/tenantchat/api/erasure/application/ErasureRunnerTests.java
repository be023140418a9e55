package io.tenantchat.api.erasure.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantchat.api.audit.application.AuditRecorder;
import io.tenantchat.api.audit.application.AuditTrail;
import io.tenantchat.api.chat.application.CancelSignals;
import io.tenantchat.api.chat.domain.MessageRef;
import io.tenantchat.api.erasure.domain.Counts;
import io.tenantchat.api.erasure.domain.ErasureJob;
import io.tenantchat.api.erasure.domain.ErasureStep;
import io.tenantchat.api.erasure.domain.ErasureSubject;
import io.tenantchat.api.erasure.domain.JobId;
import io.tenantchat.api.erasure.domain.JobLease;
import io.tenantchat.api.erasure.domain.JobStatus;
import io.tenantchat.api.erasure.domain.Pseudonyms;
import io.tenantchat.api.erasure.domain.SessionRef;
import io.tenantchat.api.support.SettableClock;
import io.tenantchat.api.tenant.application.PlanChanges;
import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.UserId;
import io.tenantchat.shared.audit.AuditEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The runner over fakes of every port: the order of the steps, crashes, takeovers and lost leases. */
class ErasureRunnerTests {

    static final TenantId TENANT = TenantId.of("tenant-a");
    static final UserId USER = UserId.of("user-1");
    static final Pseudonyms PSEUDONYMS = new Pseudonyms(new byte[32]);

    final SettableClock clock = new SettableClock(Instant.parse("2026-12-03T12:00:00Z"));
    final InMemoryErasureJobs jobs = new InMemoryErasureJobs(clock, Duration.ofSeconds(60));
    final List<String> calls = new CopyOnWriteArrayList<>();
    final List<PlanChangesSeen> planChanges = new ArrayList<>();
    ErasureStep crashAfter;
    int indexReads;
    SessionRef late;

    record PlanChangesSeen(TenantId tenantId) {
    }

    final SessionRef session = new SessionRef(TENANT, USER, SessionId.of("8d1b1d4e-51bb-4c47-a6b2-0b8a3f4b1e10"));
    final MessageId unfinished = MessageId.of("0193a1b2-0000-7000-8000-000000000001");

    final ErasureData data = new ErasureData() {
        @Override
        public List<SessionRef> sessions(TenantId tenantId, Optional<UserId> user) {
            calls.add("sessions " + user.map(UserId::value).orElse("*"));
            int read = indexReads++;
            if (read == 0) {
                return List.of(session);
            }
            // the index is eventually consistent: an erased session may show again, a late one show only now
            return read == 1 && late != null ? List.of(session, late) : List.of();
        }

        @Override
        public List<MessageId> unfinished(TenantId tenantId, SessionRef s) {
            return List.of(unfinished);
        }

        @Override
        public void eraseConversation(JobLease lease, SessionRef s) {
            calls.add("conversation erased");
            jobs.checkpoint(lease, ErasureStep.SESSIONS, Map.of(Counts.MESSAGES, 2L));
        }

        @Override
        public void eraseSession(JobLease lease, SessionRef s) {
            calls.add("session erased");
            jobs.checkpoint(lease, ErasureStep.SESSIONS, Map.of(Counts.SESSIONS, 1L));
        }

        @Override
        public void eraseCounters(JobLease lease, Set<UserId> users) {
            calls.add("counters " + users.stream().map(UserId::value).sorted().toList());
        }

        @Override
        public Set<UserId> usersSeen(JobLease lease) {
            return Set.of(USER, UserId.of("user-2"));
        }

        @Override
        public void eraseTenantItems(JobLease lease) {
            calls.add("tenant items");
        }
    };

    final ErasureRunner runner = new ErasureRunner(jobs, data,
            (lease, user) -> calls.add("api keys " + user.map(UserId::value).orElse("*")),
            (tenantId, sessionId, messages) -> {
                calls.add("partials " + messages.size());
                return messages.size();
            },
            (tenantId, user) -> {
                calls.add("dead letters");
                return 3;
            },
            (tenantId, user) -> {
                calls.add("usage");
                return new UsagePseudonymizer.UsageRewrite(5, 2);
            },
            new ErasureRunner.Collaborators(cancelSignals(), (tenantId, message) -> calls.add("release " + message.value()),
                    planChanges(), new AuditRecorder(new Trail(), clock, () -> "req-1"), PSEUDONYMS),
            step -> {
                if (step == crashAfter) {
                    crashAfter = null;
                    throw new IllegalStateException("crash after " + step);
                }
            }, clock);

    @Test
    void aUserErasureRunsEveryStepButTheTenantItemsInOrderAndCompletesWithOneAuditEntry() {
        JobLease lease = started(ErasureSubject.user(TENANT, USER));

        runner.run(lease);

        assertThat(calls).containsExactly("sessions user-1", "stop " + unfinished.value(), "release " + unfinished.value(),
                "partials 1", "conversation erased", "session erased", "sessions user-1", "counters [user-1]",
                "api keys user-1", "dead letters", "usage");
        ErasureJob job = jobs.job(lease.jobId());
        assertThat(job.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(job.counts()).containsAllEntriesOf(Map.of(Counts.SESSIONS, 1L, Counts.MESSAGES, 2L,
                Counts.REDIS_KEYS, 1L, Counts.DEAD_LETTERS, 3L, Counts.USAGE_ROWS, 5L, Counts.ROLLUP_ITEMS, 2L));
        assertThat(jobs.completions).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("user.erased");
            assertThat(entry.target()).isEqualTo("user/" + PSEUDONYMS.of(TENANT, USER).value());
            assertThat(entry.actor()).as("a self-erasure names its actor by pseudonym")
                    .isEqualTo(TENANT.value() + "/" + PSEUDONYMS.of(TENANT, USER).value());
            assertThat(entry.after()).containsEntry(Counts.SESSIONS, "1").containsEntry(Counts.TENANT_ITEMS, "0");
        });
        assertThat(planChanges).isEmpty();
    }

    @Test
    void aSessionTheIndexShowsOnlyLaterIsErasedByAnotherPassAndAnErasedOneIsNotErasedTwice() {
        late = new SessionRef(TENANT, USER, SessionId.of("8d1b1d4e-51bb-4c47-a6b2-0b8a3f4b1e11"));
        JobLease lease = started(ErasureSubject.user(TENANT, USER));

        runner.run(lease);

        assertThat(calls.stream().filter(c -> c.equals("session erased"))).hasSize(2);
        assertThat(calls.stream().filter(c -> c.startsWith("sessions"))).hasSize(3);
        assertThat(jobs.job(lease.jobId()).status()).isEqualTo(JobStatus.COMPLETED);
    }

    @Test
    void anOffboardingErasesEveryUsersCountersThenTheTenantItemsAndDropsTheCachedPlan() {
        JobLease lease = started(ErasureSubject.tenant(TENANT));

        runner.run(lease);

        assertThat(calls).startsWith("sessions *").contains("counters [user-1, user-2]", "api keys *")
                .endsWith("dead letters", "usage", "tenant items");
        assertThat(planChanges).containsExactly(new PlanChangesSeen(TENANT));
        assertThat(jobs.completions).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("tenant.offboarded");
            assertThat(entry.target()).isEqualTo("tenant");
        });
    }

    @Test
    void aCrashAfterAStepLeavesTheJobAtThatStepAndATakeoverResumesThereAndCompletesOnce() {
        JobLease lease = started(ErasureSubject.user(TENANT, USER));
        crashAfter = ErasureStep.API_KEYS;

        runner.run(lease);

        ErasureJob stopped = jobs.job(lease.jobId());
        assertThat(stopped.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(stopped.step()).isEqualTo(ErasureStep.API_KEYS);
        assertThat(jobs.takeOver(TENANT, lease.jobId(), "other", clock.instant())).as("lease still held").isEmpty();
        clock.advance(Duration.ofSeconds(61));
        JobLease takeover = jobs.takeOver(TENANT, lease.jobId(), "other", clock.instant()).orElseThrow();

        runner.run(takeover);

        assertThat(calls.stream().filter(c -> c.startsWith("sessions"))).as("sessions done before the crash: two index "
                + "reads, the second finding nothing left").hasSize(2);
        assertThat(calls.stream().filter(c -> c.startsWith("api keys"))).as("the crashed step runs again").hasSize(2);
        assertThat(jobs.job(lease.jobId()).status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(jobs.job(lease.jobId()).counts()).containsEntry(Counts.SESSIONS, 1L).containsEntry(Counts.MESSAGES, 2L);
        assertThat(jobs.completions).hasSize(1);
    }

    @Test
    void aRunnerWhoseLeaseWasTakenOverStopsAtItsNextCheckpointWithoutCompleting() {
        JobLease lease = started(ErasureSubject.user(TENANT, USER));
        clock.advance(Duration.ofSeconds(61));
        jobs.takeOver(TENANT, lease.jobId(), "other", clock.instant()).orElseThrow();

        runner.run(lease);

        assertThat(calls).doesNotContain("api keys user-1");
        assertThat(jobs.job(lease.jobId()).status()).isEqualTo(JobStatus.RUNNING);
        assertThat(jobs.completions).isEmpty();
    }

    private JobLease started(ErasureSubject subject) {
        ErasureJob job = new ErasureJob(JobId.random(), subject, TENANT, USER, TENANT.value() + "/" + USER.value(),
                "req-1", JobStatus.RUNNING, ErasureStep.SESSIONS, Map.of(), clock.instant(), null, 0);
        jobs.start(TENANT, job, "me");
        return new JobLease(TENANT, job.id(), "me");
    }

    private CancelSignals cancelSignals() {
        return new CancelSignals() {
            @Override
            public void cancelled(MessageRef message) {
                calls.add("cancelled " + message.messageId().value());
            }

            @Override
            public void stopping(MessageRef message) {
                calls.add("stop " + message.messageId().value());
            }
        };
    }

    private PlanChanges planChanges() {
        return new PlanChanges() {
            @Override
            public void publish(TenantId tenantId) {
                planChanges.add(new PlanChangesSeen(tenantId));
            }

            @Override
            public void subscribe(java.util.function.Consumer<TenantId> listener) {
            }
        };
    }

    /** An empty trail: every entry is the first; the jobs fake keeps what completion stores. */
    static final class Trail implements AuditTrail {
        @Override
        public Optional<AuditEntry> last(TenantId tenantId) {
            return Optional.empty();
        }

        @Override
        public void append(TenantId tenantId, AuditEntry entry) {
        }

        @Override
        public AuditPage page(TenantId tenantId, long after, int limit) {
            return new AuditPage(List.of(), null);
        }
    }
}
