package io.tenantchat.api.erasure.adapter.out.usage;

import io.tenantchat.api.credentials.TenantDynamoDb;
import io.tenantchat.api.erasure.domain.Pseudonyms;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.UserId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The tenant's raw usage rows ({@code tenant_id}, {@code timestamp}): a Query of the tenant's partition (filtered on
 * {@code user_id} for one user), and each row that still names a user gets that user's pseudonym, on condition it
 * still names the same user. Only {@code user_id} changes; rows that already name a pseudonym are left alone.
 */
final class RawUsageRows {

    private static final Map<String, String> NAMES = Map.of("#tenant", "tenant_id", "#ts", "timestamp",
            "#user", "user_id");

    private final TenantDynamoDb dynamo;
    private final String table;
    private final Pseudonyms pseudonyms;

    RawUsageRows(TenantDynamoDb dynamo, String table, Pseudonyms pseudonyms) {
        this.dynamo = dynamo;
        this.table = table;
        this.pseudonyms = pseudonyms;
    }

    /** @return the rows rewritten */
    long pseudonymize(TenantId tenantId, Optional<UserId> user) {
        DynamoDbClient client = dynamo.client(tenantId);
        long rewritten = 0;
        for (Map<String, AttributeValue> row : client.queryPaginator(query(tenantId, user)).items()) {
            String named = text(row, "user_id");
            if (tenantId.value().equals(text(row, "tenant_id")) && UserId.isValid(named)
                    && !Pseudonyms.isPseudonym(named) && rewrite(client, tenantId, row, UserId.of(named))) {
                rewritten++;
            }
        }
        return rewritten;
    }

    private QueryRequest query(TenantId tenantId, Optional<UserId> user) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":t", s(tenantId.value())));
        user.ifPresent(u -> values.put(":u", s(u.value())));
        return QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("#tenant = :t").filterExpression(user.isPresent() ? "#user = :u" : null)
                .projectionExpression("#tenant, #ts, #user").expressionAttributeNames(NAMES)
                .expressionAttributeValues(values).build();
    }

    /** @return whether this call rewrote it (false: it no longer names {@code named}, e.g. another run got there) */
    private boolean rewrite(DynamoDbClient client, TenantId tenantId, Map<String, AttributeValue> row, UserId named) {
        try {
            client.updateItem(u -> u.tableName(table)
                    .key(Map.of("tenant_id", row.get("tenant_id"), "timestamp", row.get("timestamp")))
                    .updateExpression("SET #user = :pseudonym").conditionExpression("#user = :named")
                    .expressionAttributeNames(Map.of("#user", "user_id"))
                    .expressionAttributeValues(Map.of(":pseudonym", s(pseudonyms.of(tenantId, named).value()),
                            ":named", s(named.value()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.s() == null ? "" : value.s();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
