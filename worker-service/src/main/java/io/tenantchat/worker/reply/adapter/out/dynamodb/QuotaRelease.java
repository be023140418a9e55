package io.tenantchat.worker.reply.adapter.out.dynamodb;

import io.tenantchat.shared.JobHold;
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

    static final String COUNTER_KEY = "counter_key";
    private static final String LIVE = "live";

    private final DynamoDbClient dynamoDb;
    private final String table;

    QuotaRelease(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    /** The hold as it is now (empty when there is none). */
    Map<String, AttributeValue> hold(MessageRef ref) {
        Map<String, AttributeValue> item = dynamoDb.getItem(g -> g.tableName(table).consistentRead(true)
                .key(key(ref.tenantId().value(), "hold#" + ref.messageId().value()))).item();
        return item == null ? Map.of() : item;
    }

    /**
     * The hold as a job carries it, in the shape of the hold item: {@code in_flight} and {@code reserved} only if the
     * job says the hold holds them, the message's session, and the item counting the slot ({@code counter_key}).
     */
    static Map<String, AttributeValue> asItem(MessageRef ref, JobHold hold) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("tenant_id", Keys.s(ref.tenantId().value()));
        item.put("sk", Keys.s("hold#" + ref.messageId().value()));
        item.put("session_id", Keys.s(ref.sessionId().value()));
        item.put(COUNTER_KEY, Keys.s(hold.counterKey()));
        if (hold.inFlight()) {
            item.put("in_flight", Keys.n(1));
        }
        Long reserved = hold.reserved();
        String month = hold.month();
        if (reserved != null && month != null) {
            item.put("reserved", Keys.n(reserved));
            item.put("month", Keys.s(month));
        }
        return item;
    }

    /**
     * The writes that release the hold's in-flight slot and, with {@code tokensToo}, its reservation. The slot is
     * counted in the tenant's {@code live} item unless the hold names another ({@code counter_key}).
     */
    List<TransactWriteItem> writes(MessageRef ref, Map<String, AttributeValue> hold, boolean tokensToo) {
        boolean inFlight = hold.containsKey("in_flight");
        AttributeValue reserved = tokensToo ? hold.get("reserved") : null;
        if (!inFlight && reserved == null) {
            return List.of();
        }
        String tenant = ref.tenantId().value();
        List<String> removed = new ArrayList<>();
        List<String> conditions = new ArrayList<>();
        if (inFlight) {
            removed.add("in_flight");
            conditions.add("attribute_exists(in_flight)");
        }
        Update.Builder holdUpdate = Update.builder().tableName(table).key(key(tenant, attribute(hold, "sk")));
        if (reserved != null) {
            removed.add("reserved");
            conditions.add("reserved = :t");
            holdUpdate.expressionAttributeValues(Map.of(":t", reserved));
        }
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(update(holdUpdate.updateExpression("REMOVE " + String.join(", ", removed))
                .conditionExpression(String.join(" AND ", conditions)).build()));
        if (inFlight) {
            writes.add(update(Update.builder().tableName(table).key(key(tenant, counterKey(hold)))
                    .updateExpression("ADD inflight :minus SET sessions.#sid = sessions.#sid - :one")
                    .conditionExpression("attribute_exists(sessions.#sid)")
                    .expressionAttributeNames(Map.of("#sid", attribute(hold, "session_id")))
                    .expressionAttributeValues(Map.of(":minus", Keys.n(-1), ":one", Keys.n(1))).build()));
        }
        if (reserved != null) {
            writes.add(update(Update.builder().tableName(table).key(key(tenant, "tokens#" + attribute(hold, "month")))
                    .updateExpression("ADD committed :minus, reserved :minus")
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
        AttributeValue key = hold.get(COUNTER_KEY);
        return key == null || key.s() == null || key.s().isBlank() ? LIVE : key.s();
    }

    /** Drops the session from the live map once nothing of it is in flight (best effort: api-service prunes too). */
    void forgetIdleSession(MessageRef ref, Map<String, AttributeValue> hold) {
        if (!hold.containsKey("session_id")) {
            return;
        }
        try {
            dynamoDb.updateItem(u -> u.tableName(table).key(key(ref.tenantId().value(), counterKey(hold)))
                    .updateExpression("REMOVE sessions.#sid").conditionExpression("sessions.#sid <= :zero")
                    .expressionAttributeNames(Map.of("#sid", hold.get("session_id").s()))
                    .expressionAttributeValues(Map.of(":zero", Keys.n(0))));
        } catch (ConditionalCheckFailedException stillInFlight) {
            // another message of the session is still in flight
        }
    }

    private static Map<String, AttributeValue> key(String tenant, String sk) {
        return Map.of("tenant_id", Keys.s(tenant), "sk", Keys.s(sk));
    }

    private static TransactWriteItem update(Update update) {
        return TransactWriteItem.builder().update(update).build();
    }
}
