package io.tenantchat.api.tenant.adapter.out.dynamodb;

import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.TenantId;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Items of a tenant's partition ({@code tenant_id}) in the tenants table, by sort key {@code sk}: {@code plan};
 * counters {@code second#<epoch>}, {@code day#<date>}, {@code month#<yyyy-MM>} (messages),
 * {@code tokens#<yyyy-MM>} (committed = used + reserved), {@code live} (in flight, per-session map); and one
 * {@code hold#<message>} per admitted message, whose {@code in_flight} and {@code reserved} attributes are
 * removed exactly once when they are given back. Counters and holds expire by {@code expires_at}.
 */
final class QuotaKeys {

    static final String PLAN = "plan";
    static final String LIVE = "live";

    private QuotaKeys() {
    }

    static Map<String, AttributeValue> key(TenantId tenantId, String sortKey) {
        return Map.of("tenant_id", s(tenantId.value()), "sk", s(sortKey));
    }

    static String second(long epochSecond) {
        return "second#" + epochSecond;
    }

    static String day(String day) {
        return "day#" + day;
    }

    static String month(String month) {
        return "month#" + month;
    }

    static String tokens(String month) {
        return "tokens#" + month;
    }

    static String hold(MessageId messageId) {
        return "hold#" + messageId.value();
    }

    /** An attribute every item of its kind has; one without it is malformed. */
    static AttributeValue required(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null) {
            throw new IllegalStateException("tenants item without " + name);
        }
        return value;
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
