package io.tenantchat.api.audit.adapter.out.dynamodb;

import io.tenantchat.api.audit.application.AuditConflictException;
import io.tenantchat.api.audit.application.AuditTrail;
import io.tenantchat.api.audit.config.AuditProperties;
import io.tenantchat.api.credentials.TenantDynamoDb;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.audit.AuditEntry;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** A tenant's chain as its partition of the audit table, read in {@code seq} order, signed for the tenant. */
@Component
class DynamoDbAuditTrail implements AuditTrail {

    private final TenantDynamoDb dynamo;
    private final String table;

    DynamoDbAuditTrail(TenantDynamoDb dynamo, AuditProperties audit) {
        this.dynamo = dynamo;
        this.table = audit.table();
    }

    @Override
    public Optional<AuditEntry> last(TenantId tenantId) {
        QueryResponse response = dynamo.client(tenantId).query(q -> q.tableName(table)
                .keyConditionExpression("tenant_id = :t").expressionAttributeValues(Map.of(":t", tenant(tenantId)))
                .scanIndexForward(false).limit(1).consistentRead(true));
        return response.items().stream().findFirst().map(AuditItems::entry);
    }

    @Override
    public void append(TenantId tenantId, AuditEntry entry) {
        if (!entry.tenantId().equals(tenantId)) {
            throw new IllegalArgumentException("entry of another tenant");
        }
        try {
            dynamo.client(tenantId).putItem(p -> p.tableName(table).item(AuditItems.item(entry))
                    .conditionExpression(AuditItems.NOT_TAKEN));
        } catch (ConditionalCheckFailedException e) {
            throw new AuditConflictException("audit sequence number taken", e);
        }
    }

    @Override
    public AuditPage page(TenantId tenantId, long after, int limit) {
        QueryResponse response = dynamo.client(tenantId).query(q -> q.tableName(table)
                .keyConditionExpression("tenant_id = :t AND seq > :after")
                .expressionAttributeValues(Map.of(":t", tenant(tenantId),
                        ":after", AttributeValue.fromN(Long.toString(after))))
                .limit(limit).consistentRead(true));
        List<AuditEntry> entries = response.items().stream().map(AuditItems::entry)
                .filter(entry -> entry.tenantId().equals(tenantId)).toList();
        boolean more = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() && !entries.isEmpty();
        return new AuditPage(entries, more ? entries.getLast().seq() : null);
    }

    private static AttributeValue tenant(TenantId tenantId) {
        return AttributeValue.fromS(tenantId.value());
    }
}
