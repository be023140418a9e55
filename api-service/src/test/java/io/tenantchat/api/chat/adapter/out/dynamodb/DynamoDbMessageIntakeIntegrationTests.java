package io.tenantchat.api.chat.adapter.out.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantchat.api.chat.application.QuotaClaim;
import io.tenantchat.api.chat.application.QuotaRefusal;
import io.tenantchat.api.chat.application.QuotaRefusedException;
import io.tenantchat.api.chat.domain.ChatMessage;
import io.tenantchat.api.chat.config.TableProperties;
import io.tenantchat.api.tenant.config.TenantProperties;
import io.tenantchat.api.credentials.TenantDynamoDb;
import io.tenantchat.api.error.NotFoundException;
import io.tenantchat.api.session.domain.ChatSession;
import io.tenantchat.api.tenant.adapter.out.dynamodb.QuotaClaimWrites;
import io.tenantchat.localstack.AwsClients;
import io.tenantchat.localstack.dynamodb.DynoxideServer;
import io.tenantchat.localstack.provision.Provisioner;
import io.tenantchat.localstack.provision.TableNames;
import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The one-transaction intake against dynoxide; two intakes with their own clients stand for two api instances. A
 * hot tenant (every message touching the same counter items) keeps every limit exact under concurrency, and its
 * throughput, conflicts and latency are measured (printed for ADR 004's addendum).
 */
class DynamoDbMessageIntakeIntegrationTests {

    private static final Logger log = LoggerFactory.getLogger(DynamoDbMessageIntakeIntegrationTests.class);
    static final TableNames TABLES = TableNames.defaults();
    static final TenantProperties TENANTS = new TenantProperties(TABLES.tenants(), "refuse", null,
            Map.of("basic", new TenantProperties.Tier(50, 1_000, 1, 200_000, 1, 2)),
            new TenantProperties.Reserve(1_000, 4, 0),
            new TenantProperties.RefusalHint(true, Duration.ofMillis(300), Duration.ofSeconds(5)));
    static final UserId ALICE = UserId.of("alice");

    static DynoxideServer dynoxide;
    static DynamoDbClient oneClient;
    static DynamoDbClient twoClient;
    static DynamoDbMessageIntake instanceOne;
    static DynamoDbMessageIntake instanceTwo;

    @BeforeAll
    static void start() {
        dynoxide = DynoxideServer.start(null);
        oneClient = AwsClients.dynamoDb(dynoxide.endpoint());
        twoClient = AwsClients.dynamoDb(dynoxide.endpoint());
        Provisioner.createTables(oneClient, TABLES);
        instanceOne = intake(oneClient);
        instanceTwo = intake(twoClient);
    }

    private static DynamoDbMessageIntake intake(DynamoDbClient client) {
        return intake(client, 16);
    }

    private static DynamoDbMessageIntake intake(DynamoDbClient client, int maxBatch) {
        TenantDynamoDb dynamo = TenantDynamoDb.serviceCredentials(client);
        return new DynamoDbMessageIntake(dynamo, new TableProperties(TABLES.sessions(), TABLES.messages()),
                new QuotaClaimWrites(dynamo, TENANTS), Clock.systemUTC(), maxBatch);
    }

    @AfterAll
    static void stop() {
        oneClient.close();
        twoClient.close();
        dynoxide.close();
    }

    @Test
    void twoInstancesAdmitExactlyTheDailyCapOutOf200ConcurrentMessages() throws Exception {
        TenantId tenant = newTenant();
        QuotaClaim.Limits limits = new QuotaClaim.Limits(100_000, 50, 100_000, 1_000_000_000L, 100_000, 100_000);

        // a session per message, so messages can also be written in batches (group commit) and batches refused
        List<String> outcomes = concurrently(200, 32, i -> (i % 2 == 0 ? instanceOne : instanceTwo),
                tenant, null, limits);

        assertThat(outcomes.stream().filter("accepted"::equals)).hasSize(50);
        assertThat(outcomes.stream().filter(o -> !o.equals("accepted"))).hasSize(150)
                .containsOnly(QuotaRefusal.DAILY_MESSAGES.name());
        assertThat(counter(tenant, "live", "inflight")).isEqualTo(50);
    }

    @Test
    void twoInstancesKeepTheInFlightCapExactUnderConcurrency() throws Exception {
        TenantId tenant = newTenant();
        SessionId session = newSession(tenant);
        QuotaClaim.Limits limits = new QuotaClaim.Limits(100_000, 100_000, 100_000, 1_000_000_000L, 7, 100_000);

        List<String> outcomes = concurrently(60, 16, i -> (i % 2 == 0 ? instanceOne : instanceTwo),
                tenant, session, limits);

        assertThat(outcomes.stream().filter("accepted"::equals)).hasSize(7);
        assertThat(outcomes.stream().filter(o -> !o.equals("accepted"))).containsOnly(QuotaRefusal.IN_FLIGHT.name());
    }

    @Test
    void aMessageToAnotherTenantsSessionIsUnknownAndTakesNothing() {
        TenantId owner = newTenant();
        TenantId other = newTenant();
        SessionId session = newSession(owner);
        QuotaClaim.Limits limits = new QuotaClaim.Limits(10, 10, 10, 1_000_000L, 10, 10);
        ChatMessage message = ChatMessage.queued(other, session, ALICE, MessageId.next(Clock.systemUTC()), "hi", Instant.now());

        assertThatThrownBy(() -> instanceOne.accept(message, null, null, claim(message, limits)))
                .isInstanceOf(NotFoundException.class);
        assertThat(counter(other, "live", "inflight")).isZero();
    }

    /**
     * A hot tenant: 400 messages offered at 200/s through two instances, each in its own session (the tenant's
     * counter items are the only shared items). Every one must be admitted, exactly once: the day counter and the
     * in-flight counter end at 400. Throughput, conflicts retried and latency are logged.
     */
    @Test
    void aHotTenantAt200MessagesPerSecondThroughTwoInstancesIsCountedExactly() throws Exception {
        hotTenant("group commit (max batch 16)", instanceOne, instanceTwo);
        // the same load, every message in its own transaction, for comparison
        hotTenant("one transaction per message", intake(oneClient, 1), intake(twoClient, 1));
    }

    private void hotTenant(String mode, DynamoDbMessageIntake instanceOne, DynamoDbMessageIntake instanceTwo)
            throws Exception {
        TenantId tenant = newTenant();
        QuotaClaim.Limits limits = new QuotaClaim.Limits(100_000, 100_000, 100_000, 1_000_000_000L, 100_000, 100_000);
        List<SessionId> sessions = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            sessions.add(newSession(tenant));
        }
        long conflictsBefore = instanceOne.conflicts() + instanceTwo.conflicts();
        long batchesBefore = instanceOne.batches() + instanceTwo.batches();
        long transactionsBefore = instanceOne.transactions() + instanceTwo.transactions();
        int total = 400;
        List<Long> latenciesMicros = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<String>> futures = new ArrayList<>();
        ExecutorService senders = Executors.newFixedThreadPool(64);
        long started = System.nanoTime();
        try {
            for (int i = 0; i < total; i++) {
                int n = i;
                // 200 per second: one every 5 ms, each sent without waiting for the ones before
                futures.add(CompletableFuture.supplyAsync(() -> {
                    long t0 = System.nanoTime();
                    String outcome = accept(n % 2 == 0 ? instanceOne : instanceTwo, tenant, sessions.get(n % 40), limits);
                    latenciesMicros.add((System.nanoTime() - t0) / 1_000);
                    return outcome;
                }, CompletableFuture.delayedExecutor(5L * i, TimeUnit.MILLISECONDS, senders)));
            }
            List<String> outcomes = new ArrayList<>();
            for (CompletableFuture<String> f : futures) {
                outcomes.add(f.get(120, TimeUnit.SECONDS));
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            List<Long> sorted = latenciesMicros.stream().sorted().toList();
            log.info("hot tenant, {}: {} messages in {} s ({} accepted/s), {} transactions, {} conflicts retried, "
                    + "{} group commits, accept p50 {} ms, p99 {} ms",
                    mode, total, String.format("%.2f", seconds), String.format("%.0f", total / seconds),
                    instanceOne.transactions() + instanceTwo.transactions() - transactionsBefore,
                    instanceOne.conflicts() + instanceTwo.conflicts() - conflictsBefore,
                    instanceOne.batches() + instanceTwo.batches() - batchesBefore,
                    sorted.get(sorted.size() / 2) / 1000.0, sorted.get((int) (sorted.size() * 0.99)) / 1000.0);

            assertThat(outcomes).containsOnly("accepted");
        } finally {
            senders.shutdownNow();
        }
        String day = Instant.now().toString().substring(0, 10);
        assertThat(counter(tenant, "day#" + day, "n")).isEqualTo(total);
        assertThat(counter(tenant, "live", "inflight")).isEqualTo(total);
    }

    private interface Pick {
        DynamoDbMessageIntake instance(int i);
    }

    private static List<String> concurrently(int count, int threads, Pick pick, TenantId tenant, SessionId session,
            QuotaClaim.Limits limits) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                DynamoDbMessageIntake intake = pick.instance(i);
                SessionId own = session == null ? newSession(tenant) : session;
                futures.add(pool.submit(() -> accept(intake, tenant, own, limits)));
            }
            List<String> outcomes = new ArrayList<>();
            for (Future<String> f : futures) {
                outcomes.add(f.get(120, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String accept(DynamoDbMessageIntake intake, TenantId tenant, SessionId session,
            QuotaClaim.Limits limits) {
        ChatMessage message = ChatMessage.queued(tenant, session, ALICE, MessageId.next(Clock.systemUTC()), "hi", Instant.now());
        try {
            intake.accept(message, null, null, claim(message, limits));
            return "accepted";
        } catch (QuotaRefusedException e) {
            return e.refusal().name();
        }
    }

    private static QuotaClaim claim(ChatMessage message, QuotaClaim.Limits limits) {
        return new QuotaClaim(message.tenantId(), message.sessionId(), message.messageId(), 100,
                message.createdAt(), limits, null);
    }

    private static TenantId newTenant() {
        return TenantId.of("hot-" + UUID.randomUUID().toString().substring(0, 8));
    }

    private static SessionId newSession(TenantId tenant) {
        SessionId session = SessionId.random();
        oneClient.putItem(p -> p.tableName(TABLES.sessions()).item(Map.of(
                "session_key", AttributeValue.fromS(ChatSession.keyOf(tenant, ALICE, session)),
                "tenant_id", AttributeValue.fromS(tenant.value()),
                "user_id", AttributeValue.fromS(ALICE.value()),
                "session_id", AttributeValue.fromS(session.value()))));
        return session;
    }

    private static long counter(TenantId tenant, String sk, String attribute) {
        Map<String, AttributeValue> item = oneClient.getItem(g -> g.tableName(TABLES.tenants()).consistentRead(true)
                .key(Map.of("tenant_id", AttributeValue.fromS(tenant.value()), "sk", AttributeValue.fromS(sk)))).item();
        return item == null || !item.containsKey(attribute) ? 0 : Long.parseLong(item.get(attribute).n());
    }
}
