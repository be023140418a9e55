package io.tenantchat.api.erasure.adapter.out.usage;

import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.UserId;
import io.tenantchat.shared.usage.Granularity;
import io.tenantchat.shared.usage.UsageRollupKeys;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * One per-user rollup item as read, and the transaction that moves it to a pseudonym's item: delete it on condition
 * every counter is as read (absent stays absent), and {@code ADD} those counters to the pseudonym's item in the same
 * partition and bucket, setting {@code tenant_id, granularity, bucket, dimension} as usage-aggregator does.
 *
 * @param counters the item's counters that are present, by attribute name
 */
record RollupMove(TenantId tenantId, Granularity granularity, String partition, String sort, String bucket,
        UserId userId, Map<String, AttributeValue> counters) {

    /** The counters of a rollup item (one definition, shared-model). */
    static final List<String> COUNTERS = UsageRollupKeys.COUNTERS;
    private static final String USER = UsageRollupKeys.user("");

    /**
     * The move of {@code item}, or null when it is not a per-user rollup item of {@code tenantId} in
     * {@code partition} whose key agrees with its attributes (left alone).
     */
    static @Nullable RollupMove of(TenantId tenantId, Granularity granularity, String partition,
            Map<String, AttributeValue> item) {
        String bucket = text(item, "bucket");
        String dimension = text(item, "dimension");
        String sort = text(item, "sk");
        boolean mine = tenantId.value().equals(text(item, "tenant_id")) && partition.equals(text(item, "pk"))
                && dimension.startsWith(USER) && sort.equals(UsageRollupKeys.sort(bucket, dimension))
                && UserId.isValid(dimension.substring(USER.length()));
        if (!mine) {
            return null;
        }
        Map<String, AttributeValue> counters = new LinkedHashMap<>();
        COUNTERS.stream().filter(item::containsKey).forEach(name -> counters.put(name, item.get(name)));
        return new RollupMove(tenantId, granularity, partition, sort, bucket,
                UserId.of(dimension.substring(USER.length())), counters);
    }

    Map<String, AttributeValue> key() {
        return Map.of("pk", s(partition), "sk", s(sort));
    }

    List<TransactWriteItem> writes(String table, UserId pseudonym) {
        return List.of(TransactWriteItem.builder().delete(delete(table)).build(),
                TransactWriteItem.builder().update(add(table, pseudonym)).build());
    }

    private Delete delete(String table) {
        Map<String, String> names = new HashMap<>(Map.of("#tenant", "tenant_id"));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":tenant", s(tenantId.value())));
        StringJoiner condition = new StringJoiner(" AND ").add("#tenant = :tenant");
        for (int i = 0; i < COUNTERS.size(); i++) {
            AttributeValue read = counters.get(COUNTERS.get(i));
            names.put("#c" + i, COUNTERS.get(i));
            if (read == null) {
                condition.add("attribute_not_exists(#c" + i + ")");
            } else {
                values.put(":c" + i, read);
                condition.add("#c" + i + " = :c" + i);
            }
        }
        return Delete.builder().tableName(table).key(key()).conditionExpression(condition.toString())
                .expressionAttributeNames(names).expressionAttributeValues(values).build();
    }

    private Update add(String table, UserId pseudonym) {
        String dimension = UsageRollupKeys.user(pseudonym.value());
        Map<String, String> names = new HashMap<>(Map.of("#tenant", "tenant_id", "#granularity", "granularity",
                "#bucket", "bucket", "#dimension", "dimension"));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":tenant", s(tenantId.value()),
                ":granularity", s(granularity.wireValue()), ":bucket", s(bucket), ":dimension", s(dimension)));
        StringJoiner add = new StringJoiner(", ", " ADD ", "").setEmptyValue("");
        for (int i = 0; i < COUNTERS.size(); i++) {
            AttributeValue read = counters.get(COUNTERS.get(i));
            if (read != null) {
                names.put("#c" + i, COUNTERS.get(i));
                values.put(":c" + i, read);
                add.add("#c" + i + " :c" + i);
            }
        }
        return Update.builder().tableName(table)
                .key(Map.of("pk", s(partition), "sk", s(UsageRollupKeys.sort(bucket, dimension))))
                .updateExpression("SET #tenant = :tenant, #granularity = :granularity, #bucket = :bucket, "
                        + "#dimension = :dimension" + add)
                .expressionAttributeNames(names).expressionAttributeValues(values).build();
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.s() == null ? "" : value.s();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
