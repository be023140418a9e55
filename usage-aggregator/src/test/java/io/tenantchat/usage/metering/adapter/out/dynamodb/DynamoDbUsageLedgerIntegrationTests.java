package io.tenantchat.usage.metering.adapter.out.dynamodb;

import static io.tenantchat.usage.support.UsageEvents.anEvent;
import static org.assertj.core.api.Assertions.assertThat;

import io.tenantchat.localstack.AwsClients;
import io.tenantchat.localstack.SharedStandIns;
import io.tenantchat.localstack.dynamodb.DynoxideServer;
import io.tenantchat.localstack.provision.Provisioner;
import io.tenantchat.localstack.provision.TableNames;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.usage.Granularity;
import io.tenantchat.shared.usage.ModelInvoked;
import io.tenantchat.shared.usage.UsageRollupKeys;
import io.tenantchat.usage.metering.config.UsageProperties;
import io.tenantchat.usage.metering.domain.Rollups;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoDbUsageLedgerIntegrationTests {

    static final int SHARDS = 4;
    static DynoxideServer dynoxide;
    static DynamoDbClient client;
    static DynamoDbUsageLedger ledger;

    @BeforeAll
    static void start() {
        dynoxide = SharedStandIns.dynoxide();
        client = AwsClients.dynamoDb(dynoxide.endpoint());
        Provisioner.createTables(client, TableNames.defaults());
        ledger = new DynamoDbUsageLedger(client, new UsageProperties("tenant-usage", "tenant-usage-rollups", SHARDS));
    }

    @AfterAll
    static void stop() {
    }

    @Test
    void recordsTheRawRowAndEveryRollupOnce() {
        ModelInvoked event = anEvent().tenant("tenant-raw").build();

        assertThat(ledger.record(event, Rollups.incrementsFor(event))).isTrue();

        Map<String, AttributeValue> row = client.query(q -> q.tableName("tenant-usage")
                .keyConditionExpression("tenant_id = :t").expressionAttributeValues(Map.of(":t", AttributeValue.fromS("tenant-raw"))))
                .items().get(0);
        assertThat(row.get("metric_type").s()).isEqualTo("model_invocation");
        assertThat(row.get("input_tokens").n()).isEqualTo("100");
        assertThat(row.get("timestamp").s()).startsWith("2026-11-29T13:45:00Z#");
        assertThat(sum("tenant-raw", Granularity.MONTH, "2026-11#total", "input_tokens")).isEqualTo(100);
    }

    @Test
    void aDuplicateEventChangesNothing() {
        ModelInvoked event = anEvent().tenant("tenant-dup").build();
        ledger.record(event, Rollups.incrementsFor(event));

        assertThat(ledger.record(event, Rollups.incrementsFor(event))).isFalse();

        assertThat(sum("tenant-dup", Granularity.DAY, "2026-11-29#total", "invocations")).isEqualTo(1);
        assertThat(sum("tenant-dup", Granularity.HOUR, "2026-11-29T13#user#alice", "output_tokens")).isEqualTo(40);
    }

    @Test
    void manyEventsSumExactlyAcrossShards() {
        List<ModelInvoked> events = IntStream.range(0, 40).mapToObj(i -> anEvent().tenant("tenant-sum").build()).toList();

        events.forEach(e -> ledger.record(e, Rollups.incrementsFor(e)));

        assertThat(sum("tenant-sum", Granularity.DAY, "2026-11-29#total", "invocations")).isEqualTo(40);
        assertThat(sum("tenant-sum", Granularity.DAY, "2026-11-29#total", "cost_nanos")).isEqualTo(40 * 900_000L);
        assertThat(sum("tenant-other", Granularity.DAY, "2026-11-29#total", "invocations")).isZero();
    }

    private static long sum(String tenant, Granularity granularity, String sortKey, String attribute) {
        return IntStream.range(0, SHARDS).mapToLong(shard -> {
            Map<String, AttributeValue> item = client.getItem(g -> g.tableName("tenant-usage-rollups").consistentRead(true)
                    .key(Map.of("pk", AttributeValue.fromS(UsageRollupKeys.partition(TenantId.of(tenant), granularity, shard)),
                            "sk", AttributeValue.fromS(sortKey)))).item();
            return item.containsKey(attribute) ? Long.parseLong(item.get(attribute).n()) : 0;
        }).sum();
    }
}
