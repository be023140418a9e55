package io.tenantchat.worker.reply.adapter.out.dynamodb;

import io.tenantchat.shared.JobHold;
import io.tenantchat.shared.table.TenantsTable;
import io.tenantchat.shared.table.TenantsTable.Hold;
import io.tenantchat.shared.table.TenantsTable.Live;
import io.tenantchat.shared.table.TenantsTable.Tokens;
import io.tenantchat.worker.reply.domain.MessageRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Gives back what api-service's hold for a message still holds (tenants table, {@code hold#<message>}): its
 * in-flight slot when the message ends, and its token reservation too when it failed (a completed message's
 * reservation is settled by usage-aggregator against the real usage). The hold loses the attributes on condition
 * they are still there, so a redelivered job or a racing release never gives anything back twice.
 */
final class QuotaRelease {

    private final DynamoDbClient dynamoDb;
    private final String table;

    QuotaRelease(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    /** The hold as it is now (empty when there is none). */
    Map<String, AttributeValue> hold(MessageRef ref) {
        Map<String, AttributeValue> item = dynamoDb.getItem(g -> g.tableName(table).consistentRead(true)
                .key(key(ref.tenantId().value(), TenantsTable.hold(ref.messageId())))).item();
        return item == null ? Map.of() : item;
    }

    /**
     * The hold as a job carries it, in the shape of the hold item: {@code in_flight} and {@code reserved} only if the
     * job says the hold holds them, the message's session, and the item counting the slot ({@code counter_key}).
     */
    static Map<String, AttributeValue> asItem(MessageRef ref, JobHold hold) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(TenantsTable.TENANT_ID, Keys.s(ref.tenantId().value()));
        item.put(TenantsTable.SK, Keys.s(TenantsTable.hold(ref.messageId())));
        item.put(Hold.SESSION_ID, Keys.s(ref.sessionId().value()));
        item.put(Hold.COUNTER_KEY, Keys.s(hold.counterKey()));
        if (hold.inFlight()) {
            item.put(Hold.IN_FLIGHT, Keys.n(1));
        }
        Long reserved = hold.reserved();
        String month = hold.month();
        if (reserved != null && month != null) {
            item.put(Hold.RESERVED, Keys.n(reserved));
            item.put(Hold.MONTH, Keys.s(month));
        }
        return item;
    }

    /**
     * The writes that release the hold's in-flight slot and, with {@code tokensToo}, its reservation. The slot is
     * counted in the tenant's {@code live} item unless the hold names another ({@code counter_key}).
     */
    List<TransactWriteItem> writes(MessageRef ref, Map<String, AttributeValue> hold, boolean tokensToo) {
        boolean inFlight = hold.containsKey(Hold.IN_FLIGHT);
        AttributeValue reserved = tokensToo ? hold.get(Hold.RESERVED) : null;
        if (!inFlight && reserved == null) {
            return List.of();
        }
        String tenant = ref.tenantId().value();
        Update.Builder holdUpdate = Update.builder().tableName(table).key(key(tenant, attribute(hold, TenantsTable.SK)))
                .updateExpression(Hold.releaseUpdate(inFlight, reserved != null))
                .conditionExpression(Hold.releaseCondition(inFlight, reserved != null));
        if (reserved != null) {
            holdUpdate.expressionAttributeValues(Map.of(":t", reserved));
        }
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(update(holdUpdate.build()));
        if (inFlight) {
            writes.add(update(Update.builder().tableName(table).key(key(tenant, counterKey(hold)))
                    .updateExpression(Live.RELEASE_SLOT)
                    .conditionExpression(Live.RELEASE_SLOT_CONDITION)
                    .expressionAttributeNames(Map.of("#sid", attribute(hold, Hold.SESSION_ID)))
                    .expressionAttributeValues(Map.of(":minus", Keys.n(-1), ":one", Keys.n(1))).build()));
        }
        if (reserved != null) {
            writes.add(update(Update.builder().tableName(table).key(key(tenant, TenantsTable.tokens(attribute(hold, Hold.MONTH))))
                    .updateExpression(Tokens.RELEASE)
                    .expressionAttributeValues(Map.of(":minus", Keys.n(-Long.parseLong(reserved.n())))).build()));
        }
        return writes;
    }

    /** A string attribute every hold item has; a hold without it is malformed and releases nothing. */
    private static String attribute(Map<String, AttributeValue> hold, String name) {
        AttributeValue value = hold.get(name);
        if (value == null || value.s() == null) {
            throw new IllegalStateException("hold item without " + name);
        }
        return value.s();
    }

    private static String counterKey(Map<String, AttributeValue> hold) {
        AttributeValue key = hold.get(Hold.COUNTER_KEY);
        return TenantsTable.counterItem(key == null ? null : key.s());
    }

    /** Drops the session from the live map once nothing of it is in flight (best effort: api-service prunes too). */
    void forgetIdleSession(MessageRef ref, Map<String, AttributeValue> hold) {
        if (!hold.containsKey(Hold.SESSION_ID)) {
            return;
        }
        try {
            dynamoDb.updateItem(u -> u.tableName(table).key(key(ref.tenantId().value(), counterKey(hold)))
                    .updateExpression(Live.FORGET_SESSION).conditionExpression(Live.FORGET_SESSION_CONDITION)
                    .expressionAttributeNames(Map.of("#sid", hold.get(Hold.SESSION_ID).s()))
                    .expressionAttributeValues(Map.of(":zero", Keys.n(0))));
        } catch (ConditionalCheckFailedException stillInFlight) {
            // another message of the session is still in flight
        }
    }

    private static Map<String, AttributeValue> key(String tenant, String sk) {
        return Map.of(TenantsTable.TENANT_ID, Keys.s(tenant), TenantsTable.SK, Keys.s(sk));
    }

    private static TransactWriteItem update(Update update) {
        return TransactWriteItem.builder().update(update).build();
    }
}
