package io.tenantchat.api.tenant.adapter.out.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantchat.api.audit.adapter.out.dynamodb.AuditItems;
import io.tenantchat.api.audit.application.AuditConflictException;
import io.tenantchat.api.audit.config.AuditProperties;
import io.tenantchat.api.tenant.application.TenantTerms;
import io.tenantchat.api.tenant.config.TenantProperties;
import io.tenantchat.api.error.ConflictException;
import io.tenantchat.api.credentials.TenantDynamoDb;
import io.tenantchat.api.tenant.domain.LimitKind;
import io.tenantchat.api.tenant.domain.PlanLimits;
import io.tenantchat.api.tenant.domain.QuotaPeriods;
import io.tenantchat.api.tenant.domain.QuotaUsage;
import io.tenantchat.api.tenant.domain.Reservation;
import io.tenantchat.api.tenant.domain.TenantPlan;
import io.tenantchat.localstack.AwsClients;
import io.tenantchat.localstack.dynamodb.DynoxideServer;
import io.tenantchat.localstack.provision.Provisioner;
import io.tenantchat.localstack.provision.TableNames;
import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.audit.AuditChain;
import io.tenantchat.shared.audit.AuditEntry;
import io.tenantchat.shared.audit.AuditEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The ledger against dynoxide; two ledgers with their own clients stand for two api-service replicas. */
class DynamoDbQuotaLedgerIntegrationTests {

    static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    static final TenantProperties PROPERTIES = new TenantProperties("tenants", "refuse", null,
            Map.of("basic", new TenantProperties.Tier(50, 1_000, 1, 200_000, 1, 2)),
            new TenantProperties.Reserve(1_000, 4, 0),
            new TenantProperties.RefusalHint(true, Duration.ofMillis(300), Duration.ofSeconds(5)));

    static DynoxideServer dynoxide;
    static DynamoDbClient replicaOneClient;
    static DynamoDbClient replicaTwoClient;
    static DynamoDbQuotaLedger replicaOne;
    static DynamoDbQuotaLedger replicaTwo;

    @BeforeAll
    static void start() {
        dynoxide = DynoxideServer.start(null);
        replicaOneClient = AwsClients.dynamoDb(dynoxide.endpoint());
        replicaTwoClient = AwsClients.dynamoDb(dynoxide.endpoint());
        Provisioner.createTables(replicaOneClient, TableNames.defaults());
        replicaOne = new DynamoDbQuotaLedger(TenantDynamoDb.serviceCredentials(replicaOneClient), PROPERTIES);
        replicaTwo = new DynamoDbQuotaLedger(TenantDynamoDb.serviceCredentials(replicaTwoClient), PROPERTIES);
    }

    @AfterAll
    static void stop() {
        replicaOneClient.close();
        replicaTwoClient.close();
        dynoxide.close();
    }

    @Test
    void twoReplicasAdmitExactlyTheDailyCapOutOf200ConcurrentRequests() throws Exception {
        TenantId tenant = newTenant();
        PlanLimits limits = new PlanLimits(50, 1_000, 1_000, 100_000_000, 1_000, 1_000);

        List<Optional<LimitKind>> outcomes = concurrently(200, i -> (i % 2 == 0 ? replicaOne : replicaTwo)
                .reserve(reservation(tenant, SessionId.random(), 100, NOW), limits));

        assertThat(outcomes.stream().filter(Optional::isEmpty)).hasSize(50);
        assertThat(outcomes.stream().flatMap(Optional::stream)).hasSize(150).containsOnly(LimitKind.DAILY_MESSAGES);
        QuotaUsage usage = replicaOne.usage(tenant, new QuotaPeriods(NOW));
        assertThat(usage.messagesToday()).isEqualTo(50);
        assertThat(usage.tokensReserved()).as("refused requests reserved nothing").isEqualTo(50 * 100);
        assertThat(usage.inFlight()).isEqualTo(50);
    }

    @Test
    void aBurstNeverReservesMoreTokensThanTheMonthlyBudget() throws Exception {
        TenantId tenant = newTenant();
        PlanLimits limits = new PlanLimits(1_000, 1_000, 1_000, 10_000, 1_000, 1_000);

        List<Optional<LimitKind>> outcomes = concurrently(40, i -> (i % 2 == 0 ? replicaOne : replicaTwo)
                .reserve(reservation(tenant, SessionId.random(), 1_000, NOW), limits));

        assertThat(outcomes.stream().filter(Optional::isEmpty)).hasSize(10);
        assertThat(outcomes.stream().flatMap(Optional::stream)).containsOnly(LimitKind.MONTHLY_TOKENS);
        assertThat(replicaTwo.usage(tenant, new QuotaPeriods(NOW)).tokensReserved()).isEqualTo(10_000);
        assertThat(replicaOne.tokensCommitted(tenant, new QuotaPeriods(NOW))).isEqualTo(10_000);
    }

    @Test
    void aWithdrawnMessageGivesBackEverythingOnceAndFreesItsSlot() {
        TenantId tenant = newTenant();
        PlanLimits limits = new PlanLimits(10, 10, 10, 10_000, 10, 1);
        Reservation first = reservation(tenant, SessionId.random(), 500, NOW);
        assertThat(replicaOne.reserve(first, limits)).isEmpty();
        assertThat(replicaTwo.reserve(reservation(tenant, SessionId.random(), 500, NOW), limits))
                .contains(LimitKind.IN_FLIGHT);

        replicaOne.cancel(tenant, first.sessionId(), first.messageId());
        replicaTwo.cancel(tenant, first.sessionId(), first.messageId());

        assertThat(replicaOne.usage(tenant, new QuotaPeriods(NOW))).isEqualTo(QuotaUsage.NONE);
        assertThat(replicaTwo.reserve(reservation(tenant, SessionId.random(), 500, NOW), limits)).isEmpty();
    }

    @Test
    void releasingAHoldGivesBackItsSlotSessionAndTokensOnceButKeepsTheMessageCounted() {
        TenantId tenant = newTenant();
        PlanLimits limits = new PlanLimits(10, 10, 1, 10_000, 10, 1);
        Reservation first = reservation(tenant, SessionId.random(), 500, NOW);
        assertThat(replicaOne.reserve(first, limits)).isEmpty();

        replicaOne.release(tenant, first.messageId());
        replicaTwo.release(tenant, first.messageId());

        QuotaUsage usage = replicaOne.usage(tenant, new QuotaPeriods(NOW));
        assertThat(usage.inFlight()).isZero();
        assertThat(usage.activeSessions()).isZero();
        assertThat(usage.tokensReserved()).isZero();
        assertThat(usage.tokensUsed()).isZero();
        assertThat(usage.messagesToday()).as("the message was sent; it stays counted").isEqualTo(1);
        assertThat(replicaTwo.reserve(reservation(tenant, SessionId.random(), 500, NOW), limits)).isEmpty();
    }

    @Test
    void aRetryTakesTheGivenBackHoldAgainLikeANewMessage() {
        TenantId tenant = newTenant();
        PlanLimits limits = new PlanLimits(10, 10, 1, 10_000, 10, 1);
        Reservation failed = reservation(tenant, SessionId.random(), 500, NOW);
        replicaOne.reserve(failed, limits);
        replicaOne.release(tenant, failed.messageId());

        Reservation retry = new Reservation(tenant, failed.sessionId(), failed.messageId(), 700, NOW.plusSeconds(1));
        assertThat(replicaTwo.reserveAgain(retry, limits)).isEmpty();

        QuotaUsage usage = replicaOne.usage(tenant, new QuotaPeriods(NOW));
        assertThat(usage.inFlight()).isEqualTo(1);
        assertThat(usage.tokensReserved()).isEqualTo(700);
        assertThat(usage.messagesToday()).isEqualTo(2);
        replicaOne.cancel(tenant, retry.sessionId(), retry.messageId());
        assertThat(replicaOne.usage(tenant, new QuotaPeriods(NOW)))
                .isEqualTo(new QuotaUsage(1, 1, 0, 0, 0, 0));
    }

    @Test
    void aRetryIsRefusedAtTheInFlightCapAndChangesNothing() {
        TenantId tenant = newTenant();
        PlanLimits limits = new PlanLimits(10, 10, 5, 10_000, 10, 1);
        Reservation failed = reservation(tenant, SessionId.random(), 500, NOW);
        replicaOne.reserve(failed, limits);
        replicaOne.release(tenant, failed.messageId());
        assertThat(replicaOne.reserve(reservation(tenant, SessionId.random(), 500, NOW.plusSeconds(1)), limits)).isEmpty();
        QuotaUsage before = replicaOne.usage(tenant, new QuotaPeriods(NOW));

        Reservation retry = new Reservation(tenant, failed.sessionId(), failed.messageId(), 500, NOW.plusSeconds(2));
        assertThat(replicaTwo.reserveAgain(retry, limits)).contains(LimitKind.IN_FLIGHT);

        assertThat(replicaOne.usage(tenant, new QuotaPeriods(NOW))).isEqualTo(before);
    }

    @Test
    void aRetryOfAMessageThatStillHoldsItsQuotaIsAConflict() {
        TenantId tenant = newTenant();
        PlanLimits limits = new PlanLimits(10, 10, 5, 10_000, 10, 5);
        Reservation held = reservation(tenant, SessionId.random(), 500, NOW);
        replicaOne.reserve(held, limits);

        assertThatThrownBy(() -> replicaTwo.reserveAgain(
                new Reservation(tenant, held.sessionId(), held.messageId(), 500, NOW.plusSeconds(1)), limits))
                .isInstanceOf(ConflictException.class);
        assertThat(replicaOne.usage(tenant, new QuotaPeriods(NOW)).inFlight()).isEqualTo(1);
    }

    @Test
    void countsOnlySessionsWithAMessageInFlightTowardsTheSessionLimit() {
        TenantId tenant = newTenant();
        PlanLimits limits = new PlanLimits(10, 10, 1, 10_000, 10, 10);
        SessionId busy = SessionId.random();
        Reservation one = reservation(tenant, busy, 10, NOW);
        Reservation two = reservation(tenant, busy, 10, NOW);
        assertThat(replicaOne.reserve(one, limits)).isEmpty();
        assertThat(replicaOne.reserve(two, limits)).as("a second message in the same session").isEmpty();
        assertThat(replicaTwo.reserve(reservation(tenant, SessionId.random(), 10, NOW), limits))
                .contains(LimitKind.CONCURRENT_SESSIONS);
        assertThat(replicaOne.usage(tenant, new QuotaPeriods(NOW)).activeSessions()).isEqualTo(1);

        replicaOne.cancel(tenant, busy, one.messageId());
        replicaOne.cancel(tenant, busy, two.messageId());

        assertThat(replicaTwo.reserve(reservation(tenant, SessionId.random(), 10, NOW), limits)).isEmpty();
    }

    @Test
    void refusesRequestsBeyondTheRatePerSecondUntilTheNextSecond() {
        TenantId tenant = newTenant();
        PlanLimits limits = new PlanLimits(10, 10, 10, 10_000, 2, 10);
        assertThat(replicaOne.reserve(reservation(tenant, SessionId.random(), 10, NOW), limits)).isEmpty();
        assertThat(replicaTwo.reserve(reservation(tenant, SessionId.random(), 10, NOW), limits)).isEmpty();

        assertThat(replicaOne.reserve(reservation(tenant, SessionId.random(), 10, NOW.plusMillis(999)), limits))
                .contains(LimitKind.REQUESTS_PER_SECOND);
        assertThat(replicaOne.reserve(reservation(tenant, SessionId.random(), 10, NOW.plusSeconds(1)), limits)).isEmpty();
    }

    @Test
    void storesAndReadsAPlanKeyedByItsTenant() {
        DynamoDbTenantDirectory directory = directory();
        TenantId tenant = newTenant();
        TenantPlan plan = new TenantPlan(tenant, "Acme", "basic", new PlanLimits(50, 1_000, 1, 200_000, 1, 2),
                "claude-haiku", true);

        directory.save(plan);

        assertThat(directory.find(tenant)).contains(plan);
        assertThat(directory.find(newTenant())).isEmpty();
    }

    @Test
    void storesAPlanAndItsAuditEntryInOneWrite() {
        DynamoDbTenantDirectory directory = directory();
        TenantId tenant = newTenant();
        TenantPlan plan = new TenantPlan(tenant, "Acme", "basic", new PlanLimits(50, 1_000, 1, 200_000, 1, 2), null,
                true);
        AuditEntry entry = AuditChain.next(null, new AuditEvent(tenant, "platform/op", "plan.changed", "plan",
                Map.of(), Map.of("tier", "basic"), "req-1"), NOW);

        directory.save(plan, entry);

        assertThat(directory.find(tenant)).contains(plan);
        assertThat(auditEntries(tenant)).containsExactly(entry);
    }

    @Test
    void writesNeitherPlanNorEntryWhenTheEntrysPlaceIsTaken() {
        DynamoDbTenantDirectory directory = directory();
        TenantId tenant = newTenant();
        TenantPlan plan = new TenantPlan(tenant, "Acme", "basic", new PlanLimits(50, 1_000, 1, 200_000, 1, 2), null,
                true);
        AuditEvent event = new AuditEvent(tenant, "platform/op", "plan.changed", "plan", Map.of(), Map.of(), "req-1");
        AuditEntry first = AuditChain.next(null, event, NOW);
        replicaOneClient.transactWriteItems(t -> t.transactItems(AuditItems.put(Provisioner.AUDIT_TABLE, first)));
        AuditEntry sameSeq = AuditChain.next(null, event, NOW.plusSeconds(1));

        assertThatThrownBy(() -> directory.save(plan, sameSeq)).isInstanceOf(AuditConflictException.class);

        assertThat(directory.find(tenant)).isEmpty();
        assertThat(auditEntries(tenant)).containsExactly(first);
    }

    @Test
    void termsReadThePlanAndTheProfilesRetentionTogether() {
        DynamoDbTenantDirectory directory = directory();
        TenantId tenant = newTenant();
        TenantPlan plan = new TenantPlan(tenant, "Acme", "basic", new PlanLimits(50, 1_000, 1, 200_000, 1, 2), null,
                true);
        directory.save(plan);
        assertThat(directory.terms(tenant)).isEqualTo(new TenantTerms(plan, null));

        replicaOneClient.putItem(p -> p.tableName("tenants").item(Map.of("tenant_id", AttributeValue.fromS(
                tenant.value()), "sk", AttributeValue.fromS("profile"), "version", AttributeValue.fromN("1"),
                "retention_days", AttributeValue.fromN("14"))));

        assertThat(directory.terms(tenant)).isEqualTo(new TenantTerms(plan, 14));
        TenantId profileOnly = newTenant();
        replicaOneClient.putItem(p -> p.tableName("tenants").item(Map.of("tenant_id", AttributeValue.fromS(
                profileOnly.value()), "sk", AttributeValue.fromS("profile"), "retention_days",
                AttributeValue.fromN("0"))));
        assertThat(directory.terms(profileOnly)).as("not registered, but its profile chose")
                .isEqualTo(new TenantTerms(null, 0));
        assertThat(directory.terms(newTenant())).isEqualTo(new TenantTerms(null, null));
    }

    private static DynamoDbTenantDirectory directory() {
        return new DynamoDbTenantDirectory(TenantDynamoDb.serviceCredentials(replicaOneClient), PROPERTIES,
                new AuditProperties(Provisioner.AUDIT_TABLE));
    }

    static List<AuditEntry> auditEntries(TenantId tenant) {
        return replicaOneClient.query(q -> q.tableName(Provisioner.AUDIT_TABLE).keyConditionExpression("tenant_id = :t")
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromS(tenant.value())))).items().stream()
                .map(AuditItems::entry).toList();
    }

    private static TenantId newTenant() {
        return TenantId.of("t-" + UUID.randomUUID().toString().substring(0, 8));
    }

    private static Reservation reservation(TenantId tenant, SessionId session, long tokens, Instant at) {
        return new Reservation(tenant, session, MessageId.next(Clock.systemUTC()), tokens, at);
    }

    interface Call {
        Optional<LimitKind> run(int i);
    }

    /** Runs {@code n} calls at once; a call that gave up on contention counts as neither admitted nor refused. */
    private static List<Optional<LimitKind>> concurrently(int n, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<Callable<Optional<LimitKind>>> calls = IntStream.range(0, n)
                    .<Callable<Optional<LimitKind>>>mapToObj(i -> () -> call.run(i)).toList();
            List<Optional<LimitKind>> outcomes = new java.util.ArrayList<>();
            for (Future<Optional<LimitKind>> f : pool.invokeAll(calls)) {
                outcomes.add(f.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
