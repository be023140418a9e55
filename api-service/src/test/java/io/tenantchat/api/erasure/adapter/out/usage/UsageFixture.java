package io.tenantchat.api.erasure.adapter.out.usage;

import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.usage.Granularity;
import io.tenantchat.shared.usage.UsageRollupKeys;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Counts model calls into the usage tables the way usage-aggregator does (DynamoDbUsageLedger, UsageRows, Rollups):
 * the raw row, and for every granularity the {@code total}, {@code model#} and {@code user#} items, each a
 * {@code SET tenant_id, granularity, bucket, dimension ADD <counters>} on the event's shard.
 */
final class UsageFixture {

    static final String USAGE = "tenant-usage";
    static final String ROLLUPS = "tenant-usage-rollups";
    static final int SHARDS = 2;

    private final DynamoDbClient dynamo;

    UsageFixture(DynamoDbClient dynamo) {
        this.dynamo = dynamo;
    }

    /** One counted call of {@code user}: 1 invocation, the given tokens, {@code tokens * 1000} cost nanos. */
    String count(String tenant, String user, String model, Instant at, long inputTokens, long outputTokens) {
        return count(tenant, user, model, at, inputTokens, outputTokens, UUID.randomUUID() + "#1");
    }

    String count(String tenant, String user, String model, Instant at, long inputTokens, long outputTokens,
            String eventId) {
        Map<String, AttributeValue> row = new HashMap<>(Map.of("tenant_id", s(tenant),
                "timestamp", s(at + "#" + eventId), "metric_type", s("model_invocation"),
                "value", AttributeValue.fromN("1.0"), "session_id", s(UUID.randomUUID().toString()),
                "user_id", s(user), "message_id", s(UUID.randomUUID().toString()), "event_id", s(eventId),
                "model_id", s(model), "status", s("success")));
        row.putAll(Map.of("latency_ms", n(120), "invocation_time", s(at.toString()), "input_tokens", n(inputTokens),
                "output_tokens", n(outputTokens)));
        dynamo.putItem(p -> p.tableName(USAGE).item(row));
        int shard = UsageRollupKeys.shardOf(eventId, SHARDS);
        for (Granularity granularity : Granularity.values()) {
            for (String dimension : List.of(UsageRollupKeys.TOTAL, UsageRollupKeys.model(model),
                    UsageRollupKeys.user(user))) {
                increment(tenant, granularity, shard, granularity.bucket(at), dimension, inputTokens, outputTokens);
            }
        }
        return eventId;
    }

    void increment(String tenant, Granularity granularity, int shard, String bucket, String dimension,
            long inputTokens, long outputTokens) {
        Map<String, String> names = new HashMap<>(Map.of("#tenant", "tenant_id", "#granularity", "granularity",
                "#bucket", "bucket", "#dimension", "dimension", "#invocations", "invocations",
                "#input", "input_tokens", "#output", "output_tokens", "#cacheRead", "cache_read_input_tokens",
                "#cacheWrite", "cache_write_input_tokens", "#cost", "cost_nanos"));
        names.put("#unknown", "unknown_usage");
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":tenant", s(tenant),
                ":granularity", s(granularity.wireValue()), ":bucket", s(bucket), ":dimension", s(dimension),
                ":invocations", n(1), ":input", n(inputTokens), ":output", n(outputTokens), ":cacheRead", n(0),
                ":cacheWrite", n(0), ":cost", n((inputTokens + outputTokens) * 1000)));
        values.put(":unknown", n(0));
        dynamo.updateItem(u -> u.tableName(ROLLUPS)
                .key(Map.of("pk", s(UsageRollupKeys.partition(TenantId.of(tenant), granularity, shard)),
                        "sk", s(UsageRollupKeys.sort(bucket, dimension))))
                .updateExpression("SET #tenant = :tenant, #granularity = :granularity, #bucket = :bucket, "
                        + "#dimension = :dimension ADD #invocations :invocations, #input :input, #output :output, "
                        + "#cacheRead :cacheRead, #cacheWrite :cacheWrite, #cost :cost, #unknown :unknown")
                .expressionAttributeNames(names).expressionAttributeValues(values));
    }

    /** Every rollup item of the tenant (all granularities and shards), by pk and sk. */
    Map<String, Map<String, AttributeValue>> rollups(String tenant) {
        Map<String, Map<String, AttributeValue>> items = new HashMap<>();
        for (Granularity granularity : Granularity.values()) {
            for (int shard = 0; shard < SHARDS; shard++) {
                String pk = UsageRollupKeys.partition(TenantId.of(tenant), granularity, shard);
                dynamo.queryPaginator(q -> q.tableName(ROLLUPS).consistentRead(true).keyConditionExpression("pk = :pk")
                                .expressionAttributeValues(Map.of(":pk", s(pk))))
                        .items().forEach(item -> items.put(pk + " " + item.get("sk").s(), item));
            }
        }
        return items;
    }

    /** Every raw usage row of the tenant, by range key. */
    Map<String, Map<String, AttributeValue>> rows(String tenant) {
        Map<String, Map<String, AttributeValue>> rows = new HashMap<>();
        dynamo.queryPaginator(q -> q.tableName(USAGE).consistentRead(true).keyConditionExpression("tenant_id = :t")
                        .expressionAttributeValues(Map.of(":t", s(tenant))))
                .items().forEach(row -> rows.put(row.get("timestamp").s(), row));
        return rows;
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
