package io.tenantchat.api.tenant.adapter.out.dynamodb;

import io.tenantchat.shared.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Gives back what a hold still holds, as one transaction: the hold loses its {@code in_flight} and
 * {@code reserved} attributes on condition they are still there (so a second release changes nothing), and the
 * live and tokens counters go down by as much. The hold update is always the first item.
 */
final class HoldRelease {

    private HoldRelease() {
    }

    static List<TransactWriteItem> of(String table, TenantId t, Map<String, AttributeValue> hold) {
        boolean inFlight = hold.containsKey("in_flight");
        AttributeValue reserved = hold.get("reserved");
        if (!inFlight && reserved == null) {
            return List.of();
        }
        List<TransactWriteItem> items = new ArrayList<>();
        String condition = inFlight && reserved != null ? "attribute_exists(in_flight) AND reserved = :t"
                : inFlight ? "attribute_exists(in_flight)" : "reserved = :t";
        Update.Builder holdUpdate = Update.builder().tableName(table)
                .key(QuotaKeys.key(t, QuotaKeys.required(hold, "sk").s()))
                .updateExpression(inFlight && reserved != null ? "REMOVE in_flight, reserved"
                        : inFlight ? "REMOVE in_flight" : "REMOVE reserved")
                .conditionExpression(condition);
        if (reserved != null) {
            holdUpdate.expressionAttributeValues(Map.of(":t", reserved));
        }
        items.add(TransactWriteItem.builder().update(holdUpdate.build()).build());
        if (inFlight) {
            items.add(TransactWriteItem.builder().update(Update.builder().tableName(table)
                    .key(QuotaKeys.key(t, QuotaKeys.LIVE))
                    .updateExpression("ADD inflight :minus SET sessions.#sid = sessions.#sid - :one")
                    .conditionExpression("attribute_exists(sessions.#sid)")
                    .expressionAttributeNames(Map.of("#sid", QuotaKeys.required(hold, "session_id").s()))
                    .expressionAttributeValues(Map.of(":minus", QuotaKeys.n(-1), ":one", QuotaKeys.n(1))).build()).build());
        }
        if (reserved != null) {
            long tokens = Long.parseLong(reserved.n());
            items.add(TransactWriteItem.builder().update(Update.builder().tableName(table)
                    .key(QuotaKeys.key(t, QuotaKeys.tokens(QuotaKeys.required(hold, "month").s())))
                    .updateExpression("ADD committed :minus, reserved :minus")
                    .expressionAttributeValues(Map.of(":minus", QuotaKeys.n(-tokens))).build()).build());
        }
        return items;
    }
}
