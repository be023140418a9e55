package io.tenantchat.worker.reply.adapter.out.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantchat.localstack.AwsClients;
import io.tenantchat.localstack.dynamodb.DynoxideServer;
import io.tenantchat.localstack.provision.Provisioner;
import io.tenantchat.localstack.provision.TableNames;
import io.tenantchat.shared.TenantId;
import io.tenantchat.worker.reply.domain.Guardrail;
import io.tenantchat.worker.reply.domain.TenantProfile;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** Profiles and plans as api-service writes them (its DynamoDbTenantProfiles), read by the worker against dynoxide. */
class DynamoDbTenantSettingsIntegrationTests {

    static final Duration TTL = Duration.ofSeconds(5);

    static DynoxideServer dynoxide;
    static DynamoDbClient client;
    /** The same stand-in through a client that counts its Queries and can hold one until released. */
    static DynamoDbClient counted;
    static final QueryGate QUERIES = new QueryGate();

    final MovableClock clock = new MovableClock();
    final DynamoDbTenantSettings profiles = new DynamoDbTenantSettings(client, "tenants", TTL, clock);

    @BeforeAll
    static void start() {
        dynoxide = DynoxideServer.start(null);
        client = AwsClients.dynamoDb(dynoxide.endpoint());
        counted = DynamoDbClient.builder().endpointOverride(dynoxide.endpoint()).region(AwsClients.REGION)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(AwsClients.ACCESS_KEY,
                        AwsClients.SECRET_KEY)))
                .overrideConfiguration(c -> c.addExecutionInterceptor(QUERIES)).build();
        Provisioner.createTables(client, TableNames.defaults());
    }

    @AfterAll
    static void stop() {
        counted.close();
        client.close();
        dynoxide.close();
    }

    @Test
    void readsEverySettingOfTheSavedProfile() {
        TenantId tenant = newTenant();
        put(tenant, "profile", Map.of("version", n(4), "system_prompt", s("Be brief."), "model", s("eu.model-a:0"),
                "max_output_tokens", n(300), "temperature", AttributeValue.fromN("0.25"), "guardrail_id",
                s("gr0abc12"), "guardrail_version", s("DRAFT"), "history_max_turns", n(6), "history_max_chars", n(900)));

        assertThat(profiles.profileOf(tenant)).isEqualTo(new TenantProfile(4, "Be brief.", "eu.model-a:0", 300, 0.25f,
                new Guardrail("gr0abc12", "DRAFT"), 6, 900));
    }

    @Test
    void tenantWithoutProfileOrPlanHasNone() {
        assertThat(profiles.profileOf(newTenant())).isEqualTo(TenantProfile.NONE);
    }

    @Test
    void plansModelOverrideIsTheModelWhenTheProfileNamesNone() {
        TenantId tenant = newTenant();
        put(tenant, "plan", Map.of("name", s("acme"), "tier", s("basic"), "model_override", s("us.model-b:0")));
        assertThat(profiles.profileOf(tenant).model()).isEqualTo("us.model-b:0");

        TenantId both = newTenant();
        put(both, "plan", Map.of("name", s("acme"), "tier", s("basic"), "model_override", s("us.model-b:0")));
        put(both, "profile", Map.of("version", n(1), "model", s("us.model-c:0")));
        assertThat(profiles.profileOf(both).model()).isEqualTo("us.model-c:0");
    }

    @Test
    void plansMaxInFlightIsTheTenantsCapAndATenantWithoutPlanHasNone() {
        TenantId tenant = newTenant();
        put(tenant, "plan", Map.of("name", s("acme"), "tier", s("basic"), "max_in_flight", n(7)));
        put(tenant, "profile", Map.of("version", n(1), "system_prompt", s("Be brief.")));

        assertThat(profiles.maxInFlight(tenant)).hasValue(7);
        assertThat(profiles.maxInFlight(newTenant())).isEmpty();
    }

    @Test
    void capAndProfileComeFromOneReadPerCachePeriod() {
        TenantId tenant = newTenant();
        put(tenant, "plan", Map.of("name", s("acme"), "tier", s("basic"), "max_in_flight", n(3)));
        assertThat(profiles.maxInFlight(tenant)).hasValue(3);

        put(tenant, "plan", Map.of("name", s("acme"), "tier", s("basic"), "max_in_flight", n(9)));
        put(tenant, "profile", Map.of("version", n(1), "system_prompt", s("new")));
        clock.advance(TTL.minusMillis(1));
        assertThat(profiles.profileOf(tenant).systemPrompt()).as("read with the cap, before the save").isNull();
        assertThat(profiles.maxInFlight(tenant)).as("within the cache time").hasValue(3);
        clock.advance(Duration.ofMillis(1));
        assertThat(profiles.maxInFlight(tenant)).hasValue(9);
        assertThat(profiles.profileOf(tenant).systemPrompt()).isEqualTo("new");
    }

    @Test
    void aSavedChangeIsSeenOnceTheCacheTimeHasPassed() {
        TenantId tenant = newTenant();
        put(tenant, "profile", Map.of("version", n(1), "system_prompt", s("old")));
        assertThat(profiles.profileOf(tenant).systemPrompt()).isEqualTo("old");

        put(tenant, "profile", Map.of("version", n(2), "system_prompt", s("new")));
        clock.advance(TTL.minusMillis(1));
        assertThat(profiles.profileOf(tenant).systemPrompt()).as("within the cache time").isEqualTo("old");
        clock.advance(Duration.ofMillis(1));
        assertThat(profiles.profileOf(tenant).systemPrompt()).isEqualTo("new");
    }

    @Test
    void aHeardChangeIsReadForTheNextReplyWithinTheCacheTime() {
        TenantId tenant = newTenant();
        TenantId other = newTenant();
        put(tenant, "profile", Map.of("version", n(1), "system_prompt", s("old")));
        put(other, "profile", Map.of("version", n(1), "system_prompt", s("other's")));
        assertThat(profiles.profileOf(tenant).systemPrompt()).isEqualTo("old");
        assertThat(profiles.profileOf(other).systemPrompt()).isEqualTo("other's");

        put(tenant, "profile", Map.of("version", n(2), "system_prompt", s("new")));
        put(other, "profile", Map.of("version", n(2), "system_prompt", s("other's new")));
        profiles.changed(tenant);

        assertThat(profiles.profileOf(tenant).systemPrompt()).isEqualTo("new");
        assertThat(profiles.profileOf(other).systemPrompt()).as("another tenant's settings stay cached")
                .isEqualTo("other's");
    }

    @Test
    void jobsOfATenantThatMissTheCacheTogetherShareOneRead() throws Exception {
        DynamoDbTenantSettings settings = new DynamoDbTenantSettings(counted, "tenants", TTL, clock);
        TenantId tenant = newTenant();
        put(tenant, "plan", Map.of("name", s("acme"), "tier", s("basic"), "max_in_flight", n(4)));
        int before = QUERIES.count();
        QUERIES.hold();
        try (ExecutorService jobs = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<OptionalInt>> caps = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                caps.add(jobs.submit(() -> settings.maxInFlight(tenant)));
            }
            QUERIES.awaitHeld();
            QUERIES.release();
            for (Future<OptionalInt> cap : caps) {
                assertThat(cap.get(10, TimeUnit.SECONDS)).hasValue(4);
            }
        }
        assertThat(QUERIES.count() - before).as("Queries for 50 jobs that missed the cache together").isEqualTo(1);
    }

    @Test
    void aReadUnderWayWhenAChangeIsHeardServesItsJobButIsNotKept() throws Exception {
        DynamoDbTenantSettings settings = new DynamoDbTenantSettings(counted, "tenants", TTL, clock);
        TenantId tenant = newTenant();
        put(tenant, "profile", Map.of("version", n(1), "system_prompt", s("old")));
        QUERIES.hold();
        try (ExecutorService jobs = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<TenantProfile> reading = jobs.submit(() -> settings.profileOf(tenant));
            QUERIES.awaitHeld();
            // the save lands and is announced while the read that began before it is still on its way back
            put(tenant, "profile", Map.of("version", n(2), "system_prompt", s("new")));
            settings.changed(tenant);
            QUERIES.release();
            assertThat(reading.get(10, TimeUnit.SECONDS).systemPrompt()).isEqualTo("old");
        }

        assertThat(settings.profileOf(tenant).systemPrompt()).as("the next reply, well within the cache time")
                .isEqualTo("new");
    }

    @Test
    void aReadThatFailedIsNotKeptSoTheNextJobReadsAgain() {
        DynamoDbTenantSettings settings = new DynamoDbTenantSettings(counted, "no-such-table", TTL, clock);
        TenantId tenant = newTenant();
        int before = QUERIES.count();

        assertThatThrownBy(() -> settings.profileOf(tenant)).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> settings.maxInFlight(tenant)).isInstanceOf(ResourceNotFoundException.class);

        assertThat(QUERIES.count() - before).as("each job after a failed read sends its own").isEqualTo(2);
    }

    /**
     * Counts Queries; between {@link #hold()} and {@link #release()} a Query's answer, once read from the stand-in,
     * waits before it reaches the caller.
     */
    static final class QueryGate implements ExecutionInterceptor {

        private final AtomicInteger count = new AtomicInteger();
        private volatile CountDownLatch held = new CountDownLatch(0);
        private volatile CountDownLatch gate = new CountDownLatch(0);

        void hold() {
            held = new CountDownLatch(1);
            gate = new CountDownLatch(1);
        }

        void awaitHeld() throws InterruptedException {
            assertThat(held.await(10, TimeUnit.SECONDS)).as("a Query was sent").isTrue();
        }

        void release() {
            gate.countDown();
        }

        int count() {
            return count.get();
        }

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            if (context.request() instanceof QueryRequest) {
                count.incrementAndGet();
            }
        }

        @Override
        public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
            if (context.request() instanceof QueryRequest) {
                held.countDown();
                try {
                    assertThat(gate.await(10, TimeUnit.SECONDS)).as("released").isTrue();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private static void put(TenantId tenant, String sortKey, Map<String, AttributeValue> attributes) {
        Map<String, AttributeValue> item = new HashMap<>(attributes);
        item.put("tenant_id", s(tenant.value()));
        item.put("sk", s(sortKey));
        client.putItem(p -> p.tableName("tenants").item(item));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static TenantId newTenant() {
        return TenantId.of("tenant-" + UUID.randomUUID().toString().substring(0, 8));
    }

    static final class MovableClock extends Clock {

        private Instant now = Instant.parse("2026-12-03T10:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
