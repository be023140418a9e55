package io.tenantchat.usage.metering.adapter.out.dynamodb;

import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.usage.Granularity;
import io.tenantchat.shared.usage.ModelInvoked;
import io.tenantchat.shared.usage.UsageRollupKeys;
import io.tenantchat.usage.metering.config.UsageProperties;
import io.tenantchat.usage.metering.application.UsageHistory;
import io.tenantchat.usage.metering.domain.RollupKey;
import io.tenantchat.usage.metering.domain.RollupTotals;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * {@link UsageHistory} on DynamoDB: raw rows by tenant and time ({@code timestamp = <invocation time>#<event id>}),
 * rollup items by partition and bucket range, and conditional replacement of one item.
 */
@Component
class DynamoDbUsageHistory implements UsageHistory {

    /** The counters of a rollup item (one definition, shared-model). */
    static final List<String> COUNTERS = UsageRollupKeys.COUNTERS;

    private final DynamoDbClient dynamo;
    private final UsageProperties settings;

    DynamoDbUsageHistory(DynamoDbClient dynamo, UsageProperties settings) {
        this.dynamo = dynamo;
        this.settings = settings;
    }

    @Override
    public List<ModelInvoked> countedEvents(TenantId tenantId, Instant from, Instant to) {
        // ISO instants of one second differ in length ("...00Z", "...00.5Z"): compare without the zone letter
        return dynamo.queryPaginator(q -> q.tableName(settings.usageTable()).consistentRead(true)
                        .keyConditionExpression("tenant_id = :t AND #ts BETWEEN :from AND :to")
                        .expressionAttributeNames(Map.of("#ts", "timestamp"))
                        .expressionAttributeValues(Map.of(":t", s(tenantId.value()), ":from", s(secondPrefix(from)),
                                ":to", s(secondPrefix(to)))))
                .items().stream().map(UsageRows::toEvent)
                .filter(e -> !e.invocationTime().isBefore(from) && e.invocationTime().isBefore(to))
                .toList();
    }

    @Override
    public Map<RollupKey, RollupTotals> rollups(TenantId tenantId, Granularity granularity, int shard,
            String fromBucket, String toBucket) {
        Map<RollupKey, RollupTotals> items = new HashMap<>();
        dynamo.queryPaginator(q -> q.tableName(settings.rollupsTable()).consistentRead(true)
                        .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
                        .expressionAttributeValues(Map.of(":pk", s(UsageRollupKeys.partition(tenantId, granularity, shard)),
                                ":from", s(fromBucket), ":to", s(toBucket))))
                .items().forEach(item -> {
                    String sk = UsageRows.required(item, "sk").s();
                    int split = sk.indexOf('#');
                    items.put(new RollupKey(granularity, shard, sk.substring(0, split), sk.substring(split + 1)),
                            totals(item));
                });
        return items;
    }

    @Override
    public boolean replace(TenantId tenantId, RollupKey key, @Nullable RollupTotals current,
            RollupTotals expected) {
        try {
            dynamo.updateItem(RollupReplacement.request(settings.rollupsTable(), tenantId, key, current, expected));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private static RollupTotals totals(Map<String, AttributeValue> item) {
        long[] v = COUNTERS.stream().mapToLong(name -> item.containsKey(name) ? Long.parseLong(item.get(name).n()) : 0)
                .toArray();
        return new RollupTotals(v[0], v[1], v[2], v[3], v[4], v[5], v[6]);
    }

    private static String secondPrefix(Instant at) {
        String text = at.toString();
        return text.endsWith("Z") ? text.substring(0, text.length() - 1) : text;
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    /** The conditional write of one recomputed item. */
    static final class RollupReplacement {

        private RollupReplacement() {
        }

        static UpdateItemRequest request(String table, TenantId tenantId, RollupKey key,
                @Nullable RollupTotals current, RollupTotals expected) {
            Map<String, String> names = new HashMap<>(Map.of("#tenant", "tenant_id", "#granularity", "granularity",
                    "#bucket", "bucket", "#dimension", "dimension"));
            Map<String, AttributeValue> values = new HashMap<>(Map.of(":tenant", s(tenantId.value()),
                    ":granularity", s(key.granularity().wireValue()), ":bucket", s(key.bucket()),
                    ":dimension", s(key.dimension())));
            StringBuilder set = new StringBuilder("SET #tenant = :tenant, #granularity = :granularity, "
                    + "#bucket = :bucket, #dimension = :dimension");
            StringBuilder condition = new StringBuilder();
            long[] want = values(expected);
            long[] have = current == null ? null : values(current);
            for (int i = 0; i < COUNTERS.size(); i++) {
                names.put("#c" + i, COUNTERS.get(i));
                values.put(":w" + i, AttributeValue.fromN(Long.toString(want[i])));
                set.append(", #c").append(i).append(" = :w").append(i);
                if (have != null) {
                    values.put(":h" + i, AttributeValue.fromN(Long.toString(have[i])));
                    condition.append(i == 0 ? "" : " AND ");
                    // a counter never incremented is absent, which reads as 0
                    condition.append(have[i] == 0 ? "(attribute_not_exists(#c" + i + ") OR #c" + i + " = :h" + i + ")"
                            : "#c" + i + " = :h" + i);
                }
            }
            return UpdateItemRequest.builder().tableName(table)
                    .key(Map.of("pk", s(UsageRollupKeys.partition(tenantId, key.granularity(), key.shard())),
                            "sk", s(UsageRollupKeys.sort(key.bucket(), key.dimension()))))
                    .updateExpression(set.toString())
                    .conditionExpression(have == null ? "attribute_not_exists(pk)" : condition.toString())
                    .expressionAttributeNames(names).expressionAttributeValues(values).build();
        }

        private static long[] values(RollupTotals t) {
            return new long[] {t.invocations(), t.inputTokens(), t.outputTokens(), t.cacheReadInputTokens(),
                t.cacheWriteInputTokens(), t.costNanos(), t.unknownUsage()};
        }
    }
}
