package io.tenantchat.usage.metering.adapter.out.dynamodb;

import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.audit.AuditChain;
import io.tenantchat.shared.audit.AuditEntry;
import io.tenantchat.shared.audit.AuditEvent;
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
 * The audit table as api-service lays it out (its {@code AuditItems}; docs/architecture.md "Audit"): reads the
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
                dynamo.putItem(p -> p.tableName(table).item(item(entry)).conditionExpression("attribute_not_exists(seq)"));
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
        return dynamo.query(q -> q.tableName(table).keyConditionExpression("tenant_id = :t")
                        .expressionAttributeValues(Map.of(":t", AttributeValue.fromS(tenantId.value())))
                        .scanIndexForward(false).limit(1).consistentRead(true))
                .items().stream().findFirst().map(DynamoDbAuditLog::entry).orElse(null);
    }

    static Map<String, AttributeValue> item(AuditEntry entry) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("tenant_id", AttributeValue.fromS(entry.tenantId().value()));
        item.put("seq", AttributeValue.fromN(Long.toString(entry.seq())));
        item.put("actor", AttributeValue.fromS(entry.actor()));
        item.put("action", AttributeValue.fromS(entry.action()));
        item.put("target", AttributeValue.fromS(entry.target()));
        item.put("before", map(entry.before()));
        item.put("after", map(entry.after()));
        item.put("at", AttributeValue.fromS(entry.at().toString()));
        item.put("request_id", AttributeValue.fromS(entry.requestId()));
        item.put("prev_hash", AttributeValue.fromS(entry.prevHash()));
        item.put("hash", AttributeValue.fromS(entry.hash()));
        return item;
    }

    static AuditEntry entry(Map<String, AttributeValue> item) {
        return new AuditEntry(TenantId.of(s(item, "tenant_id")), Long.parseLong(n(item, "seq")), s(item, "actor"),
                s(item, "action"), s(item, "target"), strings(item.get("before")), strings(item.get("after")),
                Instant.parse(s(item, "at")), s(item, "request_id"), s(item, "prev_hash"), s(item, "hash"));
    }

    private static AttributeValue map(Map<String, String> values) {
        return AttributeValue.fromM(values.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> AttributeValue.fromS(e.getValue()))));
    }

    private static Map<String, String> strings(@Nullable AttributeValue value) {
        return value == null || !value.hasM() ? Map.of()
                : value.m().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().s()));
    }

    private static String n(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null || value.n() == null) {
            throw new IllegalStateException("audit item without " + name);
        }
        return value.n();
    }

    private static String s(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null || value.s() == null) {
            throw new IllegalStateException("audit item without " + name);
        }
        return value.s();
    }
}
