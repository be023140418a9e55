package io.tenantchat.api.usage.adapter.out.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantchat.api.usage.config.UsageProperties;
import io.tenantchat.api.credentials.TenantDynamoDb;
import io.tenantchat.api.usage.domain.RollupRow;
import io.tenantchat.localstack.AwsClients;
import io.tenantchat.localstack.dynamodb.DynoxideServer;
import io.tenantchat.localstack.provision.Provisioner;
import io.tenantchat.localstack.provision.TableNames;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.usage.Granularity;
import io.tenantchat.shared.usage.UsageRollupKeys;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoDbUsageRollupReaderIntegrationTests {

    static DynoxideServer dynoxide;
    static DynamoDbClient client;
    static DynamoDbUsageRollupReader reader;

    @BeforeAll
    static void start() {
        dynoxide = DynoxideServer.start(null);
        client = AwsClients.dynamoDb(dynoxide.endpoint());
        Provisioner.createTables(client, TableNames.defaults());
        reader = new DynamoDbUsageRollupReader(TenantDynamoDb.serviceCredentials(client), new UsageProperties("tenant-usage-rollups", 2));
        put("tenant-001", 0, "2026-11-28", "total", 1);
        put("tenant-001", 1, "2026-11-29", "total", 2);
        put("tenant-001", 0, "2026-11-29", "total", 3);
        put("tenant-001", 0, "2026-11-30", "total", 5);
        put("tenant-002", 0, "2026-11-29", "total", 100);
    }

    @AfterAll
    static void stop() {
        dynoxide.close();
    }

    @Test
    void readsTheTenantsBucketsInRangeFromEveryShard() {
        List<RollupRow> rows = reader.read(TenantId.of("tenant-001"), Granularity.DAY, "2026-11-28", "2026-11-29");

        assertThat(rows).extracting(RollupRow::bucket).containsExactlyInAnyOrder("2026-11-28", "2026-11-29", "2026-11-29");
        assertThat(rows.stream().mapToLong(r -> r.figures().invocations()).sum()).isEqualTo(6);
    }

    @Test
    void neverReturnsAnotherTenantsRollups() {
        List<RollupRow> rows = reader.read(TenantId.of("tenant-002"), Granularity.DAY, "2026-11-01", "2026-11-30");

        assertThat(rows).singleElement().satisfies(r -> assertThat(r.figures().invocations()).isEqualTo(100));
    }

    private static void put(String tenant, int shard, String bucket, String dimension, long invocations) {
        client.putItem(p -> p.tableName("tenant-usage-rollups").item(Map.of(
                "pk", AttributeValue.fromS(UsageRollupKeys.partition(TenantId.of(tenant), Granularity.DAY, shard)),
                "sk", AttributeValue.fromS(UsageRollupKeys.sort(bucket, dimension)),
                "tenant_id", AttributeValue.fromS(tenant), "bucket", AttributeValue.fromS(bucket),
                "dimension", AttributeValue.fromS(dimension), "invocations", AttributeValue.fromN(Long.toString(invocations)))));
    }
}
