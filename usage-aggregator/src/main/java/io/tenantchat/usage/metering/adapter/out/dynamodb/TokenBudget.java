package io.tenantchat.usage.metering.adapter.out.dynamodb;

import io.tenantchat.shared.table.TenantsTable;
import io.tenantchat.shared.table.TenantsTable.Hold;
import io.tenantchat.shared.table.TenantsTable.Tokens;
import io.tenantchat.shared.usage.ModelInvoked;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The writes that book a model call against the tenant's monthly token budget (tenants table, api-service's
 * layout): its real tokens are added to {@code tokens#<month>}, and the first call of a message also settles the
 * message's reservation ({@code hold#<message>}, attribute {@code reserved}, removed on condition it is still
 * there). Counted once because they share the counted-event marker's transaction.
 */
final class TokenBudget {

    private final DynamoDbClient dynamo;
    private final String table;

    TokenBudget(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** The hold of the event's message as it is now (empty when there is none). */
    Map<String, AttributeValue> hold(ModelInvoked event) {
        Map<String, AttributeValue> hold = dynamo.getItem(g -> g.tableName(table).consistentRead(true)
                .key(key(event.tenantId().value(), holdKey(event)))).item();
        return hold == null ? Map.of() : hold;
    }

    /**
     * The holds of several events' messages as they are now, in one {@code BatchGetItem} (at most 100 messages),
     * keyed by {@link #messageKey}; a message without a hold is absent.
     */
    Map<String, Map<String, AttributeValue>> holds(List<ModelInvoked> events) {
        Map<String, Map<String, AttributeValue>> keys = new LinkedHashMap<>();
        events.forEach(e -> keys.putIfAbsent(messageKey(e), key(e.tenantId().value(), holdKey(e))));
        Map<String, Map<String, AttributeValue>> holds = new HashMap<>();
        List<Map<String, AttributeValue>> wanted = new ArrayList<>(keys.values());
        for (int round = 1; !wanted.isEmpty(); round++) {
            if (round > 3) {
                throw new IllegalStateException(wanted.size() + " holds left unread after 3 rounds");
            }
            List<Map<String, AttributeValue>> asked = wanted;
            BatchGetItemResponse response = dynamo.batchGetItem(b -> b.requestItems(Map.of(table,
                    KeysAndAttributes.builder().consistentRead(true).keys(asked).build())));
            response.responses().getOrDefault(table, List.of()).forEach(item ->
                    holds.put(UsageRows.required(item, TenantsTable.TENANT_ID).s() + "#"
                            + UsageRows.required(item, TenantsTable.SK).s(), item));
            KeysAndAttributes left = response.unprocessedKeys().get(table);
            wanted = left == null ? List.of() : left.keys();
        }
        return holds;
    }

    /** The key under which {@link #holds} returns the hold of the event's message. */
    static String messageKey(ModelInvoked event) {
        return event.tenantId().value() + "#" + holdKey(event);
    }

    /** The month counter's update, preceded by the hold's when the reservation is still held. */
    List<TransactWriteItem> writes(ModelInvoked event, Map<String, AttributeValue> hold) {
        List<TransactWriteItem> writes = new ArrayList<>();
        settle(event, hold).ifPresent(writes::add);
        deltas(event, hold).forEach(d -> writes.add(add(event.tenantId().value(), d)));
        return writes;
    }

    /** Removes the message's reservation, on condition it is still the one read; empty when none is held. */
    Optional<TransactWriteItem> settle(ModelInvoked event, Map<String, AttributeValue> hold) {
        AttributeValue reserved = hold.get(Hold.RESERVED);
        if (reserved == null) {
            return Optional.empty();
        }
        return Optional.of(update(Update.builder().tableName(table).key(key(event.tenantId().value(),
                        holdKey(event))).updateExpression(Hold.releaseUpdate(false, true))
                .conditionExpression(Hold.releaseCondition(false, true))
                .expressionAttributeValues(Map.of(":t", reserved)).build()));
    }

    /**
     * What the event adds to the tenant's month counters: its real tokens, less the reservation it settles (taken
     * off the month the reservation was made in).
     */
    List<Delta> deltas(ModelInvoked event, Map<String, AttributeValue> hold) {
        AttributeValue reserved = hold.get(Hold.RESERVED);
        long used = tokens(event);
        String month = YearMonth.from(event.invocationTime().atOffset(ZoneOffset.UTC)).toString();
        if (reserved == null) {
            return List.of(new Delta(month, used, 0));
        }
        long released = Long.parseLong(reserved.n());
        String heldMonth = UsageRows.required(hold, Hold.MONTH).s();
        if (month.equals(heldMonth)) {
            return List.of(new Delta(month, used - released, -released));
        }
        return List.of(new Delta(heldMonth, -released, -released), new Delta(month, used, 0));
    }

    /** The ADD of {@code delta} to the tenant's month counter. */
    TransactWriteItem add(String tenantId, Delta delta) {
        return update(Update.builder().tableName(table).key(key(tenantId, TenantsTable.tokens(delta.month())))
                .updateExpression("ADD " + Tokens.COMMITTED + " :committed, " + Tokens.RESERVED + " :reserved")
                .expressionAttributeValues(Map.of(":committed", n(delta.committed()),
                        ":reserved", n(delta.reserved()))).build());
    }

    /** A change of one month counter. */
    record Delta(String month, long committed, long reserved) {

        Delta plus(Delta other) {
            return new Delta(month, committed + other.committed, reserved + other.reserved);
        }
    }

    /** Input, output and cache tokens; unknown counts as none. */
    static long tokens(ModelInvoked e) {
        return orZero(e.inputTokens()) + orZero(e.outputTokens()) + orZero(e.cacheReadInputTokens())
                + orZero(e.cacheWriteInputTokens());
    }

    private static String holdKey(ModelInvoked event) {
        return TenantsTable.hold(event.messageId());
    }

    private static Map<String, AttributeValue> key(String tenantId, String sk) {
        return Map.of(TenantsTable.TENANT_ID, AttributeValue.fromS(tenantId), TenantsTable.SK, AttributeValue.fromS(sk));
    }

    private static TransactWriteItem update(Update update) {
        return TransactWriteItem.builder().update(update).build();
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static long orZero(@Nullable Long value) {
        return value == null ? 0 : value;
    }
}
