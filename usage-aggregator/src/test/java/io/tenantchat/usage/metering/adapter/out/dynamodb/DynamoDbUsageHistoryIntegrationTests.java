package io.tenantchat.usage.metering.adapter.out.dynamodb;

import static io.tenantchat.usage.support.UsageEvents.anEvent;
import static org.assertj.core.api.Assertions.assertThat;

import io.tenantchat.localstack.AwsClients;
import io.tenantchat.localstack.SharedStandIns;
import io.tenantchat.localstack.dynamodb.DynoxideServer;
import io.tenantchat.localstack.provision.Provisioner;
import io.tenantchat.localstack.provision.TableNames;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.audit.AuditChain;
import io.tenantchat.shared.audit.AuditEntry;
import io.tenantchat.shared.usage.Granularity;
import io.tenantchat.shared.usage.ModelInvoked;
import io.tenantchat.shared.usage.UsageRollupKeys;
import io.tenantchat.usage.metering.config.AuditProperties;
import io.tenantchat.usage.metering.config.UsageProperties;
import io.tenantchat.usage.metering.application.ReaggregateUsageService;
import io.tenantchat.usage.metering.domain.ReaggregationReport;
import io.tenantchat.usage.metering.domain.RollupKey;
import io.tenantchat.usage.metering.domain.RollupTotals;
import io.tenantchat.usage.metering.domain.Rollups;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Re-aggregation against dynoxide: raw rows read back as events, rollups recomputed only where they are wrong. */
class DynamoDbUsageHistoryIntegrationTests {

    static final int SHARDS = 4;
    static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");
    static final Instant TO = Instant.parse("2026-12-01T00:00:00Z");
    static DynoxideServer dynoxide;
    static DynamoDbClient client;
    static DynamoDbUsageLedger ledger;
    static DynamoDbUsageHistory history;
    static ReaggregateUsageService reaggregate;
    static DynamoDbAuditLog auditLog;

    @BeforeAll
    static void start() {
        dynoxide = SharedStandIns.dynoxide();
        client = AwsClients.dynamoDb(dynoxide.endpoint());
        Provisioner.createTables(client, TableNames.defaults());
        UsageProperties settings = new UsageProperties("tenant-usage", "tenant-usage-rollups", SHARDS);
        ledger = new DynamoDbUsageLedger(client, settings);
        history = new DynamoDbUsageHistory(client, settings);
        auditLog = new DynamoDbAuditLog(client, new AuditProperties("tenant-audit"));
        reaggregate = new ReaggregateUsageService(history, SHARDS, auditLog);
    }

    @AfterAll
    static void stop() {
    }

    @Test
    void eachOperatorRunAppendsAChainedEntryToTheTenantsAuditTrail() {
        String tenant = "tenant-audit-" + UUID.randomUUID().toString().substring(0, 8);
        record(anEvent().tenant(tenant).at(Instant.parse("2026-11-10T00:00:00Z")).build());

        reaggregate.reaggregate(TenantId.of(tenant), FROM, TO, "ops-cli/alice", "reaggregate-1");
        reaggregate.reaggregate(TenantId.of(tenant), FROM, TO, "ops-cli/bob", "reaggregate-2");

        List<AuditEntry> entries = client.query(q -> q.tableName("tenant-audit").keyConditionExpression("tenant_id = :t")
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromS(tenant)))).items().stream()
                .map(DynamoDbAuditLog::entry).toList();
        assertThat(entries).extracting(AuditEntry::seq).containsExactly(1L, 2L);
        assertThat(entries).extracting(AuditEntry::actor).containsExactly("ops-cli/alice", "ops-cli/bob");
        assertThat(entries.getFirst().after()).containsEntry("events", "1");
        assertThat(AuditChain.verify(TenantId.of(tenant), entries).intact()).isTrue();
    }

    @Test
    void rawRowsReadBackAsTheEventsThatWereCountedWithinTheWindow() {
        ModelInvoked onTheSecond = record(anEvent().tenant("tenant-rows").at(Instant.parse("2026-11-01T00:00:00Z")).build());
        ModelInvoked fraction = record(anEvent().tenant("tenant-rows").at(Instant.parse("2026-11-01T00:00:00.250Z")).build());
        record(anEvent().tenant("tenant-rows").at(Instant.parse("2026-12-01T00:00:00Z")).build());
        record(anEvent().tenant("tenant-rows").at(Instant.parse("2026-10-31T23:59:59.999Z")).build());

        List<ModelInvoked> read = history.countedEvents(TenantId.of("tenant-rows"), FROM, TO);

        // DynamoDB numbers drop trailing zeros of the cost (0.000900 -> 0.0009): the same amount
        assertThat(read).usingRecursiveFieldByFieldElementComparatorIgnoringFields("costUsd")
                .containsExactlyInAnyOrder(onTheSecond, fraction);
        assertThat(read).allSatisfy(e -> assertThat(e.costUsd()).isEqualByComparingTo(onTheSecond.costUsd()));
    }

    @Test
    void correctRollupsAreLeftUntouchedSoReaggregationChangesNoTotal() {
        IntStream.range(0, 12).forEach(i -> record(anEvent().tenant("tenant-right").at(at(i)).build()));

        ReaggregationReport report = reaggregate.reaggregate(TenantId.of("tenant-right"), FROM, TO);

        assertThat(report.events()).isEqualTo(12);
        assertThat(report.itemsCompared()).isPositive();
        assertThat(report.itemsCorrected()).isZero();
        assertThat(sum("tenant-right", Granularity.MONTH, "2026-11#total", "invocations")).isEqualTo(12);
    }

    @Test
    void wrongAndMissingRollupsAreRecomputedFromTheRawRows() {
        List<ModelInvoked> events = IntStream.range(0, 10).mapToObj(i -> record(anEvent().tenant("tenant-wrong")
                .at(at(i)).build())).toList();
        corrupt("tenant-wrong", Granularity.DAY, "2026-11-29#total");
        deleteAllShards("tenant-wrong", Granularity.MONTH, "2026-11#user#alice");
        putStray("tenant-wrong", Granularity.HOUR, "2026-11-02T05#total");

        ReaggregationReport report = reaggregate.reaggregate(TenantId.of("tenant-wrong"),
                Instant.parse("2026-11-29T00:00:00Z"), Instant.parse("2026-11-29T01:00:00Z"));

        assertThat(report.months()).hasSize(1);
        assertThat(report.itemsCorrected()).isPositive();
        assertThat(sum("tenant-wrong", Granularity.DAY, "2026-11-29#total", "invocations")).isEqualTo(events.size());
        assertThat(sum("tenant-wrong", Granularity.DAY, "2026-11-29#total", "input_tokens")).isEqualTo(100L * events.size());
        assertThat(sum("tenant-wrong", Granularity.MONTH, "2026-11#user#alice", "output_tokens")).isEqualTo(40L * events.size());
        assertThat(sum("tenant-wrong", Granularity.HOUR, "2026-11-02T05#total", "invocations")).isZero();
        assertThat(reaggregate.reaggregate(TenantId.of("tenant-wrong"), FROM, TO).itemsCorrected()).isZero();
    }

    @Test
    void replacementFailsWhenALiveIncrementChangedTheItemSinceItWasRead() {
        ModelInvoked first = record(anEvent().tenant("tenant-race").build());
        int shard = UsageRollupKeys.shardOf(first.eventId(), SHARDS);
        RollupKey key = new RollupKey(Granularity.DAY, shard, "2026-11-29", UsageRollupKeys.TOTAL);
        RollupTotals read = history.rollups(TenantId.of("tenant-race"), Granularity.DAY, shard, "2026-11-29",
                "2026-11-30").get(key);
        ModelInvoked live = anEvent().tenant("tenant-race").build();
        while (UsageRollupKeys.shardOf(live.eventId(), SHARDS) != shard) {
            live = anEvent().tenant("tenant-race").build();
        }
        record(live);

        assertThat(history.replace(TenantId.of("tenant-race"), key, read, RollupTotals.ZERO)).isFalse();
        assertThat(sum("tenant-race", Granularity.DAY, "2026-11-29#total", "invocations")).isEqualTo(2);
        assertThat(history.replace(TenantId.of("tenant-race"), new RollupKey(Granularity.DAY, shard, "2026-11-29",
                "never-written"), null, RollupTotals.ZERO)).isTrue();
    }

    private static Instant at(int i) {
        return Instant.parse("2026-11-29T00:00:00Z").plusSeconds(60L * i).plusMillis(i * 7L);
    }

    private static ModelInvoked record(ModelInvoked event) {
        ledger.record(event, Rollups.incrementsFor(event));
        return event;
    }

    private static void corrupt(String tenant, Granularity granularity, String sortKey) {
        IntStream.range(0, SHARDS).forEach(shard -> client.updateItem(u -> u.tableName("tenant-usage-rollups")
                .key(key(tenant, granularity, shard, sortKey))
                .updateExpression("ADD invocations :n, input_tokens :n")
                .expressionAttributeValues(Map.of(":n", AttributeValue.fromN("1000")))));
    }

    private static void deleteAllShards(String tenant, Granularity granularity, String sortKey) {
        IntStream.range(0, SHARDS).forEach(shard -> client.deleteItem(d -> d.tableName("tenant-usage-rollups")
                .key(key(tenant, granularity, shard, sortKey))));
    }

    private static void putStray(String tenant, Granularity granularity, String sortKey) {
        Map<String, AttributeValue> item = new java.util.HashMap<>(key(tenant, granularity, 0, sortKey));
        item.put("invocations", AttributeValue.fromN("3"));
        client.putItem(p -> p.tableName("tenant-usage-rollups").item(item));
    }

    private static Map<String, AttributeValue> key(String tenant, Granularity granularity, int shard, String sortKey) {
        return Map.of("pk", AttributeValue.fromS(UsageRollupKeys.partition(TenantId.of(tenant), granularity, shard)),
                "sk", AttributeValue.fromS(sortKey));
    }

    private static long sum(String tenant, Granularity granularity, String sortKey, String attribute) {
        return IntStream.range(0, SHARDS).mapToLong(shard -> {
            Map<String, AttributeValue> item = client.getItem(g -> g.tableName("tenant-usage-rollups").consistentRead(true)
                    .key(key(tenant, granularity, shard, sortKey))).item();
            return item.containsKey(attribute) ? Long.parseLong(item.get(attribute).n()) : 0;
        }).sum();
    }
}
