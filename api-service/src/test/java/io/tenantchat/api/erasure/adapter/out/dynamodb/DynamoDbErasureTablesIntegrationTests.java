package io.tenantchat.api.erasure.adapter.out.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantchat.api.credentials.TenantDynamoDb;
import io.tenantchat.api.erasure.application.ErasureJobs;
import io.tenantchat.api.erasure.application.LeaseLostException;
import io.tenantchat.api.erasure.config.ErasureProperties;
import io.tenantchat.api.erasure.domain.Counts;
import io.tenantchat.api.erasure.domain.ErasureJob;
import io.tenantchat.api.erasure.domain.ErasureStep;
import io.tenantchat.api.erasure.domain.ErasureSubject;
import io.tenantchat.api.erasure.domain.JobId;
import io.tenantchat.api.erasure.domain.JobLease;
import io.tenantchat.api.erasure.domain.JobRef;
import io.tenantchat.api.erasure.domain.JobStatus;
import io.tenantchat.api.erasure.domain.SessionRef;
import io.tenantchat.api.error.UnavailableException;
import io.tenantchat.api.support.SettableClock;
import io.tenantchat.localstack.AwsClients;
import io.tenantchat.localstack.dynamodb.DynoxideServer;
import io.tenantchat.localstack.provision.Provisioner;
import io.tenantchat.localstack.provision.TableNames;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.UserId;
import io.tenantchat.shared.audit.AuditChain;
import io.tenantchat.shared.audit.AuditEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The jobs table and an erasure's counted deletes against dynoxide over the wire, in the Provisioner's tables. */
class DynamoDbErasureTablesIntegrationTests {

    static final ErasureProperties PROPERTIES = new ErasureProperties(new ErasureProperties.Tables(
            Provisioner.JOBS_TABLE, "tenant-sessions", "tenant-messages", "tenants", Provisioner.API_KEYS_TABLE,
            Provisioner.AUDIT_TABLE), "unused", Duration.ofSeconds(60), Duration.ofSeconds(30), 5, 1);

    static DynoxideServer dynoxide;
    static DynamoDbClient client;
    static SettableClock clock = new SettableClock(Instant.parse("2026-12-03T12:00:00Z"));
    static DynamoDbErasureJobs jobs;
    static DynamoDbErasureData data;

    @BeforeAll
    static void start() {
        dynoxide = DynoxideServer.start(null);
        client = AwsClients.dynamoDb(dynoxide.endpoint());
        Provisioner.createTables(client, TableNames.defaults());
        TenantDynamoDb dynamo = TenantDynamoDb.serviceCredentials(client);
        jobs = new DynamoDbErasureJobs(dynamo, client, PROPERTIES, clock);
        data = new DynamoDbErasureData(dynamo, PROPERTIES, clock);
    }

    @AfterAll
    static void stop() {
        client.close();
        dynoxide.close();
    }

    @Test
    void aSecondStartForTheSameSubjectAnswersTheRunningJobAndCompletionFreesTheSubject() {
        TenantId tenant = newTenant();
        ErasureJob first = job(ErasureSubject.user(tenant, UserId.of("u1")));

        assertThat(jobs.start(tenant, first, "me").created()).isTrue();
        ErasureJobs.Started again = jobs.start(tenant, job(ErasureSubject.user(tenant, UserId.of("u1"))), "other");
        assertThat(again.created()).isFalse();
        assertThat(again.job().id()).isEqualTo(first.id());
        assertThat(jobs.start(tenant, job(ErasureSubject.user(tenant, UserId.of("u2"))), "me").created())
                .as("another user").isTrue();

        JobLease lease = new JobLease(tenant, first.id(), "me");
        jobs.complete(lease, AuditChain.next(null, new AuditEvent(tenant, "t/u1", "user.erased", "user/x", Map.of(),
                Map.of("sessions", "0"), "req-1"), clock.instant()), clock.instant());

        assertThat(jobs.find(tenant, first.id())).hasValueSatisfying(job -> {
            assertThat(job.status()).isEqualTo(JobStatus.COMPLETED);
            assertThat(job.step()).isEqualTo(ErasureStep.DONE);
            assertThat(job.finishedAt()).isEqualTo(clock.instant());
        });
        assertThat(client.getItem(g -> g.tableName(Provisioner.AUDIT_TABLE).key(Map.of("tenant_id",
                AttributeValue.fromS(tenant.value()), "seq", AttributeValue.fromN("1")))).item())
                .containsEntry("action", AttributeValue.fromS("user.erased"));
        assertThat(jobs.start(tenant, job(ErasureSubject.user(tenant, UserId.of("u1"))), "me").created()).isTrue();
        assertThat(jobs.find(first.id())).hasValue(new JobRef(tenant, first.id()));
    }

    @Test
    void aStartWhoseSubjectIsHeldByNoReadableJobIsRefusedAsContendedAndWritesNothing() {
        TenantId tenant = newTenant();
        ErasureSubject subject = ErasureSubject.user(tenant, UserId.of("u1"));
        // another request's guard whose job is not there (its transaction in flight, or the job just ended)
        client.putItem(p -> p.tableName(Provisioner.JOBS_TABLE).item(JobItems.guard(subject, JobId.random())));
        ErasureJob refused = job(subject);

        assertThatThrownBy(() -> jobs.start(tenant, refused, "me")).isInstanceOfSatisfying(UnavailableException.class,
                e -> assertThat(e.code()).isEqualTo("erasure_contended"));
        assertThat(jobs.find(tenant, refused.id())).isEmpty();
    }

    @Test
    void aJobIsTakenOverOnlyAfterItsLeaseRanOutAndItsOldHolderLosesIt() {
        TenantId tenant = newTenant();
        ErasureJob job = job(ErasureSubject.tenant(tenant));
        jobs.start(tenant, job, "first");
        JobLease first = new JobLease(tenant, job.id(), "first");
        jobs.checkpoint(first, ErasureStep.API_KEYS, Map.of(Counts.SESSIONS, 2L));

        assertThat(jobs.takeOver(tenant, job.id(), "second", clock.instant())).isEmpty();
        assertThat(jobs.expiredLeases(clock.instant(), 100)).doesNotContain(new JobRef(tenant, job.id()));
        clock.advance(Duration.ofSeconds(61));
        assertThat(jobs.expiredLeases(clock.instant(), 100)).contains(new JobRef(tenant, job.id()));
        Optional<JobLease> second = jobs.takeOver(tenant, job.id(), "second", clock.instant());

        assertThat(second).isPresent();
        assertThatThrownBy(() -> jobs.checkpoint(first, ErasureStep.DEAD_LETTERS, Map.of()))
                .isInstanceOf(LeaseLostException.class);
        jobs.checkpoint(second.orElseThrow(), ErasureStep.DEAD_LETTERS, Map.of(Counts.SESSIONS, 1L));
        assertThat(jobs.find(tenant, job.id())).hasValueSatisfying(stored -> {
            assertThat(stored.attempts()).isEqualTo(1);
            assertThat(stored.step()).isEqualTo(ErasureStep.DEAD_LETTERS);
            assertThat(stored.counts()).containsEntry(Counts.SESSIONS, 3L);
        });
    }

    @Test
    void aConversationOfMoreThanOneTransactionIsErasedWithExactCountsSkippingItemsAlreadyGone() {
        TenantId tenant = newTenant();
        SessionRef session = new SessionRef(tenant, UserId.of("u1"), SessionId.of(UUID.randomUUID().toString()));
        for (int i = 0; i < 60; i++) {
            String message = UUID.randomUUID().toString();
            put("tenant-messages", Map.of("pk", tenant.value() + "#" + session.sessionId().value(), "sk", message + "#1",
                    "tenant_id", tenant.value(), "message_id", message, "role", "user", "status", "completed"));
            if (i > 0) { // the first message's lookup is gone already
                put("tenant-messages", Map.of("pk", tenant.value() + "#message#" + message, "sk", "ref",
                        "tenant_id", tenant.value(), "message_id", message));
            }
        }
        ErasureJob job = job(ErasureSubject.user(tenant, session.userId()));
        jobs.start(tenant, job, "me");
        JobLease lease = new JobLease(tenant, job.id(), "me");

        data.eraseConversation(lease, session);
        data.eraseConversation(lease, session);

        assertThat(jobs.find(tenant, job.id()).orElseThrow().counts()).containsEntry(Counts.MESSAGES, 60L)
                .containsEntry(Counts.LOOKUPS, 59L);
        assertThat(client.query(q -> q.tableName("tenant-messages").keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(tenant.value() + "#"
                        + session.sessionId().value())))).count()).isZero();
    }

    @Test
    void deletesWithoutTheLeaseAreRefusedAndLeaveTheItems() {
        TenantId tenant = newTenant();
        SessionRef session = new SessionRef(tenant, UserId.of("u1"), SessionId.of(UUID.randomUUID().toString()));
        put("tenant-sessions", Map.of("session_key", tenant.value() + "#u1#" + session.sessionId().value(),
                "tenant_id", tenant.value(), "user_id", "u1", "session_id", session.sessionId().value(),
                "tenant_user", tenant.value() + "#u1", "created_at", "2026-12-03T12:00:00Z"));
        ErasureJob job = job(ErasureSubject.user(tenant, session.userId()));
        jobs.start(tenant, job, "me");

        assertThatThrownBy(() -> data.eraseSession(new JobLease(tenant, job.id(), "not-me"), session))
                .isInstanceOf(LeaseLostException.class);
        assertThat(data.sessions(tenant, Optional.of(session.userId()))).containsExactly(session);
        data.eraseSession(new JobLease(tenant, job.id(), "me"), session);
        assertThat(data.sessions(tenant, Optional.of(session.userId()))).isEmpty();
        assertThat(jobs.find(tenant, job.id()).orElseThrow().counts()).containsEntry(Counts.SESSIONS, 1L);
    }

    private static void put(String table, Map<String, String> attributes) {
        Map<String, AttributeValue> item = new HashMap<>();
        attributes.forEach((name, value) -> item.put(name, AttributeValue.fromS(value)));
        client.putItem(p -> p.tableName(table).item(item));
    }

    private static ErasureJob job(ErasureSubject subject) {
        return new ErasureJob(JobId.random(), subject, subject.tenantId(), UserId.of("admin"),
                subject.tenantId().value() + "/admin", "req-1", JobStatus.RUNNING, ErasureStep.SESSIONS, Map.of(),
                clock.instant(), null, 0);
    }

    private static TenantId newTenant() {
        return TenantId.of("t-" + UUID.randomUUID().toString().substring(0, 8));
    }

}
