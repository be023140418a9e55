package io.tenantchat.api.tenant.adapter.out.dynamodb;

import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.table.TenantsTable;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Keys and attribute values of the tenants table as the SDK takes them; the layout (sort keys, attribute names) is
 * shared-model's {@link TenantsTable}, which worker-service and usage-aggregator build from too.
 */
final class QuotaKeys {

    private QuotaKeys() {
    }

    static Map<String, AttributeValue> key(TenantId tenantId, String sortKey) {
        return Map.of(TenantsTable.TENANT_ID, s(tenantId.value()), TenantsTable.SK, s(sortKey));
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
