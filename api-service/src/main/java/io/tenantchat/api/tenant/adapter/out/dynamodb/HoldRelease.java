package io.tenantchat.api.tenant.adapter.out.dynamodb;

import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.table.TenantsTable;
import io.tenantchat.shared.table.TenantsTable.Hold;
import io.tenantchat.shared.table.TenantsTable.Live;
import io.tenantchat.shared.table.TenantsTable.Tokens;
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
        boolean inFlight = hold.containsKey(Hold.IN_FLIGHT);
        AttributeValue reserved = hold.get(Hold.RESERVED);
        if (!inFlight && reserved == null) {
            return List.of();
        }
        List<TransactWriteItem> items = new ArrayList<>();
        Update.Builder holdUpdate = Update.builder().tableName(table)
                .key(QuotaKeys.key(t, QuotaKeys.required(hold, TenantsTable.SK).s()))
                .updateExpression(Hold.releaseUpdate(inFlight, reserved != null))
                .conditionExpression(Hold.releaseCondition(inFlight, reserved != null));
        if (reserved != null) {
            holdUpdate.expressionAttributeValues(Map.of(":t", reserved));
        }
        items.add(TransactWriteItem.builder().update(holdUpdate.build()).build());
        if (inFlight) {
            items.add(TransactWriteItem.builder().update(Update.builder().tableName(table)
                    .key(QuotaKeys.key(t, TenantsTable.LIVE))
                    .updateExpression(Live.RELEASE_SLOT)
                    .conditionExpression(Live.RELEASE_SLOT_CONDITION)
                    .expressionAttributeNames(Map.of("#sid", QuotaKeys.required(hold, Hold.SESSION_ID).s()))
                    .expressionAttributeValues(Map.of(":minus", QuotaKeys.n(-1), ":one", QuotaKeys.n(1))).build()).build());
        }
        if (reserved != null) {
            long tokens = Long.parseLong(reserved.n());
            items.add(TransactWriteItem.builder().update(Update.builder().tableName(table)
                    .key(QuotaKeys.key(t, TenantsTable.tokens(QuotaKeys.required(hold, Hold.MONTH).s())))
                    .updateExpression(Tokens.RELEASE)
                    .expressionAttributeValues(Map.of(":minus", QuotaKeys.n(-tokens))).build()).build());
        }
        return items;
    }
}
