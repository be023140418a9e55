package io.tenantchat.api.audit.adapter.out.dynamodb;

import io.tenantchat.api.audit.application.AuditConflictException;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.audit.AuditEntry;
import io.tenantchat.shared.table.AuditTable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The item of one audit entry (docs/architecture.md, "Audit"): {@code tenant_id} (hash), {@code seq} (N, range),
 * {@code actor, action, target, at, request_id, prev_hash, hash} (S), {@code before, after} (M of S). Stores whose
 * action is a DynamoDB write put the entry in their own transaction with {@link #put}; the put is conditional on the
 * sequence number being free, so two actions can never take the same place in the chain.
 */
public final class AuditItems {

    static final String TENANT_ID = AuditTable.TENANT_ID;
    static final String SEQ = AuditTable.SEQ;
    static final String NOT_TAKEN = AuditTable.SEQ_FREE;

    private AuditItems() {
    }

    /** The conditional put of {@code entry}, for a {@code TransactWriteItems}. */
    public static TransactWriteItem put(String table, AuditEntry entry) {
        return TransactWriteItem.builder().put(p -> p.tableName(table).item(item(entry)).conditionExpression(NOT_TAKEN))
                .build();
    }

    /**
     * Turns a cancelled transaction whose item {@code index} was the audit put, refused because the sequence number
     * was taken, into an {@link AuditConflictException}; any other cancellation is thrown as it is.
     */
    public static RuntimeException conflictOr(TransactionCanceledException cancelled, int index) {
        List<CancellationReason> reasons = cancelled.cancellationReasons();
        if (reasons.size() > index && "ConditionalCheckFailed".equals(reasons.get(index).code())) {
            return new AuditConflictException("audit sequence number taken", cancelled);
        }
        return cancelled;
    }

    static Map<String, AttributeValue> item(AuditEntry entry) {
        Map<String, AttributeValue> item = new HashMap<>();
        AuditTable.attributes(entry).forEach((name, value) -> item.put(name, value(value)));
        return item;
    }

    public static Map<String, AttributeValue> key(TenantId tenantId, long seq) {
        return Map.of(TENANT_ID, AttributeValue.fromS(tenantId.value()), SEQ, AttributeValue.fromN(Long.toString(seq)));
    }

    /** The entry an audit item holds. */
    public static AuditEntry entry(Map<String, AttributeValue> item) {
        return AuditTable.entry(new AuditTable.Attributes() {
            @Override
            public String string(String name) {
                AttributeValue value = required(item, name);
                String text = value.s() != null ? value.s() : value.n();
                if (text == null) {
                    throw new IllegalStateException("audit item attribute " + name + " is neither a string nor a number");
                }
                return text;
            }

            @Override
            public Map<String, String> map(String name) {
                return strings(item.get(name));
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static AttributeValue value(Object value) {
        if (value instanceof Long number) {
            return AttributeValue.fromN(Long.toString(number));
        }
        if (value instanceof Map<?, ?> map) {
            return map((Map<String, String>) map);
        }
        return AttributeValue.fromS((String) value);
    }

    private static AttributeValue map(Map<String, String> values) {
        return AttributeValue.fromM(values.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> AttributeValue.fromS(e.getValue()))));
    }

    private static Map<String, String> strings(@Nullable AttributeValue value) {
        if (value == null || !value.hasM()) {
            return Map.of();
        }
        return value.m().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().s()));
    }

    private static AttributeValue required(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null) {
            throw new IllegalStateException("audit item without " + name);
        }
        return value;
    }
}
