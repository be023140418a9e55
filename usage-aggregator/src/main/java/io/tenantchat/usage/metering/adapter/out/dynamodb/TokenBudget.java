package io.tenantchat.usage.metering.adapter.out.dynamodb;

import io.tenantchat.shared.usage.ModelInvoked;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
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
                .key(key(event, "hold#" + event.messageId().value()))).item();
        return hold == null ? Map.of() : hold;
    }

    /** The month counter's update, preceded by the hold's when the reservation is still held. */
    List<TransactWriteItem> writes(ModelInvoked event, Map<String, AttributeValue> hold) {
        AttributeValue reserved = hold.get("reserved");
        String heldMonth = reserved == null ? null : hold.get("month").s();
        long used = tokens(event);
        String month = YearMonth.from(event.invocationTime().atOffset(ZoneOffset.UTC)).toString();
        List<TransactWriteItem> writes = new ArrayList<>();
        long released = 0;
        if (reserved != null) {
            released = Long.parseLong(reserved.n());
            writes.add(update(Update.builder().tableName(table).key(key(event, "hold#" + event.messageId().value()))
                    .updateExpression("REMOVE reserved").conditionExpression("reserved = :t")
                    .expressionAttributeValues(Map.of(":t", reserved)).build()));
            if (!month.equals(heldMonth)) {
                writes.add(add(event, heldMonth, -released, -released));
                released = 0;
            }
        }
        writes.add(add(event, month, used - released, -released));
        return writes;
    }

    /** Input, output and cache tokens; unknown counts as none. */
    static long tokens(ModelInvoked e) {
        return orZero(e.inputTokens()) + orZero(e.outputTokens()) + orZero(e.cacheReadInputTokens())
                + orZero(e.cacheWriteInputTokens());
    }

    private TransactWriteItem add(ModelInvoked event, String month, long committed, long reserved) {
        return update(Update.builder().tableName(table).key(key(event, "tokens#" + month))
                .updateExpression("ADD committed :committed, reserved :reserved")
                .expressionAttributeValues(Map.of(":committed", n(committed), ":reserved", n(reserved))).build());
    }

    private static Map<String, AttributeValue> key(ModelInvoked event, String sk) {
        return Map.of("tenant_id", AttributeValue.fromS(event.tenantId().value()), "sk", AttributeValue.fromS(sk));
    }

    private static TransactWriteItem update(Update update) {
        return TransactWriteItem.builder().update(update).build();
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
