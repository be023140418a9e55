package io.tenantchat.api.erasure.adapter.out.usage;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantchat.api.credentials.TenantDynamoDb;
import io.tenantchat.api.erasure.application.UsagePseudonymizer.UsageRewrite;
import io.tenantchat.api.erasure.config.ErasureUsageTablesProperties;
import io.tenantchat.api.erasure.domain.Pseudonyms;
import io.tenantchat.localstack.AwsClients;
import io.tenantchat.localstack.dynamodb.DynoxideServer;
import io.tenantchat.localstack.provision.Provisioner;
import io.tenantchat.localstack.provision.TableNames;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.UserId;
import io.tenantchat.shared.usage.Granularity;
import io.tenantchat.shared.usage.UsageRollupKeys;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The usage pseudonymizer against dynoxide, over usage rows and rollups written in usage-aggregator's shape
 * ({@link UsageFixture}): totals stay exact, only the erased user's records change, a rerun changes nothing.
 */
class DynamoDbUsagePseudonymizerIntegrationTests {

    static final Pseudonyms PSEUDONYMS = new Pseudonyms(
            "a test key of at least thirty-two bytes".getBytes(StandardCharsets.UTF_8));
    static final Instant NOON = Instant.parse("2026-11-29T12:10:00Z");
    static final Instant NEXT_DAY = Instant.parse("2026-11-30T08:00:00Z");

    static DynoxideServer dynoxide;
    static DynamoDbClient dynamo;
    static UsageFixture usage;
    static DynamoDbUsagePseudonymizer pseudonymizer;

    @BeforeAll
    static void start() {
        dynoxide = DynoxideServer.start(null);
        dynamo = AwsClients.dynamoDb(dynoxide.endpoint());
        Provisioner.createTables(dynamo, TableNames.defaults());
        usage = new UsageFixture(dynamo);
        pseudonymizer = pseudonymizer(dynamo);
    }

    @AfterAll
    static void stop() {
        dynamo.close();
        dynoxide.close();
    }

    @Test
    void pseudonymizingOneUserKeepsTotalsAndMovesItsRollupItemsToThePseudonymsItems() {
        String tenant = tenant();
        String other = tenant();
        seed(tenant, other);
        Map<String, Map<String, AttributeValue>> before = usage.rollups(tenant);
        Map<String, Map<String, AttributeValue>> rowsBefore = usage.rows(tenant);
        Map<String, Map<String, AttributeValue>> otherBefore = usage.rollups(other);
        Map<String, Map<String, AttributeValue>> otherRowsBefore = usage.rows(other);
        String pseudonym = pseudonym(tenant, "alice");

        UsageRewrite rewrite = pseudonymizer.pseudonymize(TenantId.of(tenant), Optional.of(UserId.of("alice")));

        Map<String, Map<String, AttributeValue>> after = usage.rollups(tenant);
        assertThat(sums(after)).as("per bucket and dimension kind, every counter").isEqualTo(sums(before));
        before.forEach((key, item) -> {
            if (!dimension(item).equals("user#alice")) {
                assertThat(after.get(key)).as("%s is not alice's: untouched", key).isEqualTo(item);
            } else {
                assertThat(after).as("alice's item is gone").doesNotContainKey(key);
                Map<String, AttributeValue> moved = after.get(key.replace("#user#alice", "#user#" + pseudonym));
                assertThat(counters(moved)).as("the pseudonym's item holds alice's counters").isEqualTo(counters(item));
                assertThat(moved).containsEntry("tenant_id", item.get("tenant_id"))
                        .containsEntry("granularity", item.get("granularity")).containsEntry("bucket", item.get("bucket"))
                        .containsEntry("dimension", UsageFixture.s("user#" + pseudonym));
            }
        });
        long aliceItems = before.values().stream().filter(item -> dimension(item).equals("user#alice")).count();
        assertThat(aliceItems).as("hour, day and month items of two days (the month's on one or two shards)")
                .isBetween(5L, 6L);
        assertThat(rewrite).isEqualTo(new UsageRewrite(2, aliceItems));
        usage.rows(tenant).forEach((key, row) -> {
            Map<String, AttributeValue> was = rowsBefore.get(key);
            if (was.get("user_id").s().equals("alice")) {
                assertThat(row).isEqualTo(with(was, "user_id", pseudonym));
            } else {
                assertThat(row).isEqualTo(was);
            }
        });
        assertThat(usage.rollups(other)).as("another tenant's alice").isEqualTo(otherBefore);
        assertThat(usage.rows(other)).isEqualTo(otherRowsBefore);
    }

    @Test
    void rerunningChangesNothingAndReportsZero() {
        String tenant = tenant();
        seed(tenant, tenant());
        pseudonymizer.pseudonymize(TenantId.of(tenant), Optional.of(UserId.of("alice")));
        Map<String, Map<String, AttributeValue>> rollups = usage.rollups(tenant);
        Map<String, Map<String, AttributeValue>> rows = usage.rows(tenant);

        UsageRewrite again = pseudonymizer.pseudonymize(TenantId.of(tenant), Optional.of(UserId.of("alice")));
        UsageRewrite ofThePseudonym = pseudonymizer.pseudonymize(TenantId.of(tenant),
                Optional.of(UserId.of(pseudonym(tenant, "alice"))));

        assertThat(again).isEqualTo(new UsageRewrite(0, 0));
        assertThat(ofThePseudonym).as("a pseudonym is never pseudonymized again").isEqualTo(new UsageRewrite(0, 0));
        assertThat(usage.rollups(tenant)).isEqualTo(rollups);
        assertThat(usage.rows(tenant)).isEqualTo(rows);
    }

    @Test
    void offboardingPseudonymizesEveryUserOfTheTenantAndKeepsTotals() {
        String tenant = tenant();
        String other = tenant();
        seed(tenant, other);
        Map<String, Map<String, AttributeValue>> before = usage.rollups(tenant);
        Map<String, Map<String, AttributeValue>> otherBefore = usage.rollups(other);
        Map<String, Map<String, AttributeValue>> otherRowsBefore = usage.rows(other);

        UsageRewrite rewrite = pseudonymizer.pseudonymize(TenantId.of(tenant), Optional.empty());

        Map<String, Map<String, AttributeValue>> after = usage.rollups(tenant);
        assertThat(sums(after)).isEqualTo(sums(before));
        assertThat(after.values()).filteredOn(item -> dimension(item).startsWith("user#")).isNotEmpty()
                .allSatisfy(item -> assertThat(Pseudonyms.isPseudonym(dimension(item).substring(5))).isTrue());
        assertThat(usage.rows(tenant).values()).hasSize(3)
                .allSatisfy(row -> assertThat(Pseudonyms.isPseudonym(row.get("user_id").s())).isTrue());
        assertThat(rewrite).isEqualTo(new UsageRewrite(3,
                before.values().stream().filter(item -> dimension(item).startsWith("user#")).count()));
        assertThat(usage.rollups(other)).isEqualTo(otherBefore);
        assertThat(usage.rows(other)).isEqualTo(otherRowsBefore);
        assertThat(pseudonymizer.pseudonymize(TenantId.of(tenant), Optional.empty())).isEqualTo(new UsageRewrite(0, 0));
    }

    @Test
    void aPseudonymsExistingItemIsAddedToNotOverwritten() {
        String tenant = tenant();
        String first = usage.count(tenant, "alice", "model-a", NOON, 100, 10);
        pseudonymizer.pseudonymize(TenantId.of(tenant), Optional.of(UserId.of("alice")));
        // a late event of the erased user, counted into the same buckets and shard
        usage.count(tenant, "alice", "model-a", NOON, 7, 3, sameShardAs(first));

        UsageRewrite rewrite = pseudonymizer.pseudonymize(TenantId.of(tenant), Optional.of(UserId.of("alice")));

        assertThat(rewrite).isEqualTo(new UsageRewrite(1, 3));
        String pseudonym = "user#" + pseudonym(tenant, "alice");
        Map<String, Map<String, AttributeValue>> items = usage.rollups(tenant);
        assertThat(items.values()).filteredOn(item -> dimension(item).equals(pseudonym))
                .extracting(item -> item.get("granularity").s() + ": " + item.get("invocations").n() + " calls, "
                        + item.get("input_tokens").n() + " in, " + item.get("cost_nanos").n() + " nanos")
                .containsExactlyInAnyOrder("hour: 2 calls, 107 in, 120000 nanos",
                        "day: 2 calls, 107 in, 120000 nanos", "month: 2 calls, 107 in, 120000 nanos");
        assertThat(items.values()).noneMatch(item -> dimension(item).equals("user#alice"));
    }

    @Test
    void anIncrementBetweenTheReadAndTheMoveIsMovedToo() {
        String tenant = tenant();
        String eventId = usage.count(tenant, "alice", "model-a", NOON, 100, 10);
        int shard = UsageRollupKeys.shardOf(eventId, UsageFixture.SHARDS);
        AtomicBoolean raced = new AtomicBoolean();
        DynamoDbClient racing = new RacingDynamoDbClient(dynamo, () -> {
            if (raced.compareAndSet(false, true)) { // the aggregator counts one more call of alice meanwhile
                usage.increment(tenant, Granularity.HOUR, shard, Granularity.HOUR.bucket(NOON), "user#alice", 5, 5);
            }
        });

        pseudonymizer(racing).pseudonymize(TenantId.of(tenant), Optional.of(UserId.of("alice")));

        assertThat(raced).isTrue();
        Map<String, Map<String, AttributeValue>> items = usage.rollups(tenant);
        String pseudonym = "user#" + pseudonym(tenant, "alice");
        assertThat(items.values()).noneMatch(item -> dimension(item).equals("user#alice"));
        assertThat(items.values()).filteredOn(item -> dimension(item).equals(pseudonym))
                .filteredOn(item -> item.get("granularity").s().equals("hour")).singleElement()
                .satisfies(item -> assertThat(item.get("invocations").n()).isEqualTo("2"))
                .satisfies(item -> assertThat(item.get("input_tokens").n()).isEqualTo("105"));
    }

    @Test
    void leavesAnItemInTheTenantsPartitionThatNamesAnotherTenantAlone() {
        String tenant = tenant();
        usage.count(tenant, "alice", "model-a", NOON, 100, 10);
        String partition = UsageRollupKeys.partition(TenantId.of(tenant), Granularity.DAY, 0);
        Map<String, AttributeValue> stray = Map.of("pk", UsageFixture.s(partition),
                "sk", UsageFixture.s("2026-11-01#user#alice"), "tenant_id", UsageFixture.s("tenant-intruder"),
                "granularity", UsageFixture.s("day"), "bucket", UsageFixture.s("2026-11-01"),
                "dimension", UsageFixture.s("user#alice"), "invocations", UsageFixture.n(9));
        dynamo.putItem(p -> p.tableName(UsageFixture.ROLLUPS).item(stray));

        UsageRewrite rewrite = pseudonymizer.pseudonymize(TenantId.of(tenant), Optional.of(UserId.of("alice")));

        assertThat(rewrite).isEqualTo(new UsageRewrite(1, 3));
        assertThat(usage.rollups(tenant)).containsEntry(partition + " 2026-11-01#user#alice", stray);
    }

    /** alice: two calls on two days; bob: one; another tenant's alice: one. */
    private static void seed(String tenant, String other) {
        usage.count(tenant, "alice", "model-a", NOON, 100, 10);
        usage.count(tenant, "alice", "model-b", NEXT_DAY, 200, 20);
        usage.count(tenant, "bob", "model-a", NOON, 300, 30);
        usage.count(other, "alice", "model-a", NOON, 400, 40);
    }

    private static DynamoDbUsagePseudonymizer pseudonymizer(DynamoDbClient client) {
        return new DynamoDbUsagePseudonymizer(TenantDynamoDb.serviceCredentials(client),
                new ErasureUsageTablesProperties(UsageFixture.USAGE, UsageFixture.ROLLUPS, UsageFixture.SHARDS),
                PSEUDONYMS);
    }

    private static String tenant() {
        return "tenant-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String pseudonym(String tenant, String user) {
        return PSEUDONYMS.of(TenantId.of(tenant), UserId.of(user)).value();
    }

    private static String dimension(Map<String, AttributeValue> item) {
        AttributeValue dimension = item.get("dimension");
        return dimension == null ? "" : dimension.s();
    }

    /** Each counter summed per granularity, bucket and kind of dimension (total, model#..., user#: all users). */
    private static Map<String, Long> sums(Map<String, Map<String, AttributeValue>> items) {
        Map<String, Long> sums = new TreeMap<>();
        items.values().forEach(item -> {
            String dimension = dimension(item).startsWith("user#") ? "users" : dimension(item);
            counters(item).forEach((counter, value) -> sums.merge(item.get("granularity").s() + " "
                    + item.get("bucket").s() + " " + dimension + " " + counter, value, Long::sum));
        });
        return sums;
    }

    private static Map<String, Long> counters(Map<String, AttributeValue> item) {
        Map<String, Long> counters = new TreeMap<>();
        RollupMove.COUNTERS.stream().filter(item::containsKey)
                .forEach(counter -> counters.put(counter, Long.parseLong(item.get(counter).n())));
        return counters;
    }

    /** An event id that {@link UsageRollupKeys#shardOf} puts on the same shard as {@code eventId}. */
    private static String sameShardAs(String eventId) {
        int shard = UsageRollupKeys.shardOf(eventId, UsageFixture.SHARDS);
        String candidate;
        do {
            candidate = UUID.randomUUID() + "#1";
        } while (UsageRollupKeys.shardOf(candidate, UsageFixture.SHARDS) != shard);
        return candidate;
    }

    private static Map<String, AttributeValue> with(Map<String, AttributeValue> item, String name, String value) {
        Map<String, AttributeValue> changed = new HashMap<>(item);
        changed.put(name, UsageFixture.s(value));
        return changed;
    }
}
