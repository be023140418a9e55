package io.tenantchat.usage.metering.adapter.out.dynamodb;

import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.audit.AuditChain;
import io.tenantchat.shared.audit.AuditEntry;
import io.tenantchat.shared.audit.AuditEvent;
import io.tenantchat.shared.table.AuditTable;
import io.tenantchat.usage.metering.config.AuditProperties;
import io.tenantchat.usage.metering.application.AuditLog;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The audit table in its shared layout ({@code AuditTable}; docs/architecture.md "Audit"): reads the
 * tenant's last entry, chains the event onto it and puts it on condition that its {@code seq} is free; a concurrent
 * append (an api-service action on the same tenant) makes it read and try again.
 */
@Component
class DynamoDbAuditLog implements AuditLog {

    static final int ATTEMPTS = 5;

    private final DynamoDbClient dynamo;
    private final String table;

    DynamoDbAuditLog(DynamoDbClient dynamo, AuditProperties audit) {
        this.dynamo = dynamo;
        this.table = audit.table();
    }

    @Override
    public AuditEntry append(AuditEvent event) {
        for (int attempt = 1; ; attempt++) {
            AuditEntry entry = AuditChain.next(last(event.tenantId()), event, Instant.now());
            try {
                dynamo.putItem(p -> p.tableName(table).item(item(entry)).conditionExpression(AuditTable.SEQ_FREE));
                return entry;
            } catch (ConditionalCheckFailedException taken) {
                if (attempt >= ATTEMPTS) {
                    throw new IllegalStateException("the audit trail of " + event.tenantId() + " kept changing; "
                            + "the re-aggregation is done, record it by running it again", taken);
                }
            }
        }
    }

    private @Nullable AuditEntry last(TenantId tenantId) {
        return dynamo.query(q -> q.tableName(table).keyConditionExpression(AuditTable.TENANT_ID + " = :t")
                        .expressionAttributeValues(Map.of(":t", AttributeValue.fromS(tenantId.value())))
                        .scanIndexForward(false).limit(1).consistentRead(true))
                .items().stream().findFirst().map(DynamoDbAuditLog::entry).orElse(null);
    }

    @SuppressWarnings("unchecked")
    static Map<String, AttributeValue> item(AuditEntry entry) {
        Map<String, AttributeValue> item = new HashMap<>();
        AuditTable.attributes(entry).forEach((name, value) -> item.put(name, switch (value) {
            case Long number -> AttributeValue.fromN(Long.toString(number));
            case Map<?, ?> map -> AttributeValue.fromM(((Map<String, String>) map).entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> AttributeValue.fromS(e.getValue()))));
            default -> AttributeValue.fromS((String) value);
        }));
        return item;
    }

    static AuditEntry entry(Map<String, AttributeValue> item) {
        return AuditTable.entry(new AuditTable.Attributes() {
            @Override
            public String string(String name) {
                AttributeValue value = item.get(name);
                String text = value == null ? null : value.s() != null ? value.s() : value.n();
                if (text == null) {
                    throw new IllegalStateException("audit item without " + name);
                }
                return text;
            }

            @Override
            public Map<String, String> map(String name) {
                AttributeValue value = item.get(name);
                return value == null || !value.hasM() ? Map.of()
                        : value.m().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().s()));
            }
        });
    }
}
