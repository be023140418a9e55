package io.tenantchat.api.apikey.adapter.out.dynamodb;

import io.tenantchat.api.apikey.application.ApiKeyLookup;
import io.tenantchat.api.apikey.application.ApiKeyStore;
import io.tenantchat.api.apikey.domain.ApiKey;
import io.tenantchat.api.apikey.domain.ApiKeyId;
import io.tenantchat.api.apikey.config.ApiKeyProperties;
import io.tenantchat.api.audit.adapter.out.dynamodb.AuditItems;
import io.tenantchat.api.audit.config.AuditProperties;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.UserId;
import io.tenantchat.shared.audit.AuditEntry;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * API keys in their own table, keyed by key id. Authentication reads a key before any tenant is known, and the
 * table's partition key is not the tenant's, so this adapter is signed with the service's credentials (the task
 * role), not a tenant's scoped ones (an all-tenant adapter: ArchitectureRules, docs/security.md section 4); every
 * read of a tenant's keys checks the tenant on the item, and a revocation is conditional on it.
 */
@Component
class DynamoDbApiKeyStore implements ApiKeyStore, ApiKeyLookup {

    private static final TableSchema<ApiKeyItem> SCHEMA = TableSchema.fromBean(ApiKeyItem.class);
    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final DynamoDbClient dynamoDb;
    private final DynamoDbTable<ApiKeyItem> table;
    private final String tableName;
    private final String auditTable;

    DynamoDbApiKeyStore(DynamoDbClient dynamoDb, ApiKeyProperties properties, AuditProperties audit) {
        this.dynamoDb = dynamoDb;
        this.tableName = properties.table();
        this.auditTable = audit.table();
        this.table = DynamoDbEnhancedClient.builder().dynamoDbClient(dynamoDb).build().table(tableName, SCHEMA);
    }

    @Override
    public void create(ApiKey key) {
        try {
            table.putItem(PutItemEnhancedRequest.builder(ApiKeyItem.class).item(toItem(key))
                    .conditionExpression(Expression.builder().expression("attribute_not_exists(key_id)").build())
                    .build());
        } catch (ConditionalCheckFailedException e) {
            throw new IllegalStateException("api key id " + key.keyId() + " exists already", e);
        }
    }

    /** The key's conditional put and the audit entry's in one {@code TransactWriteItems} (signed by the task role). */
    @Override
    public void create(ApiKey key, AuditEntry entry) {
        requireTenant(key.tenantId(), entry);
        try {
            dynamoDb.transactWriteItems(t -> t.transactItems(
                    TransactWriteItem.builder().put(p -> p.tableName(tableName).item(SCHEMA.itemToMap(toItem(key), true))
                            .conditionExpression("attribute_not_exists(key_id)")).build(),
                    AuditItems.put(auditTable, entry)));
        } catch (TransactionCanceledException e) {
            if (refused(e, 0)) {
                throw new IllegalStateException("api key id " + key.keyId() + " exists already", e);
            }
            throw AuditItems.conflictOr(e, 1);
        }
    }

    @Override
    public Optional<ApiKey> find(TenantId tenantId, ApiKeyId keyId) {
        return find(keyId).filter(key -> key.tenantId().equals(tenantId));
    }

    /** Revocation (only of a key not revoked yet) and its audit entry in one {@code TransactWriteItems}. */
    @Override
    public boolean revoke(TenantId tenantId, ApiKeyId keyId, Instant at, AuditEntry entry) {
        requireTenant(tenantId, entry);
        try {
            dynamoDb.transactWriteItems(t -> t.transactItems(
                    TransactWriteItem.builder().update(u -> u.tableName(tableName)
                            .key(Map.of("key_id", AttributeValue.fromS(keyId.value())))
                            .updateExpression("SET revoked_at = :at")
                            .conditionExpression("attribute_exists(key_id) AND tenant_id = :tenant "
                                    + "AND attribute_not_exists(revoked_at)")
                            .expressionAttributeValues(Map.of(":at", AttributeValue.fromS(format(at)),
                                    ":tenant", AttributeValue.fromS(tenantId.value())))).build(),
                    AuditItems.put(auditTable, entry)));
            return true;
        } catch (TransactionCanceledException e) {
            if (refused(e, 0)) {
                return false;
            }
            throw AuditItems.conflictOr(e, 1);
        }
    }

    private static boolean refused(TransactionCanceledException e, int index) {
        return e.cancellationReasons().size() > index
                && "ConditionalCheckFailed".equals(e.cancellationReasons().get(index).code());
    }

    private static void requireTenant(TenantId tenantId, AuditEntry entry) {
        if (!entry.tenantId().equals(tenantId)) {
            throw new IllegalArgumentException("audit entry of another tenant");
        }
    }

    @Override
    public Optional<ApiKey> find(ApiKeyId keyId) {
        ApiKeyItem item = table.getItem(r -> r.key(key(keyId)).consistentRead(true));
        return Optional.ofNullable(item).filter(i -> keyId.value().equals(i.getKeyId())).map(DynamoDbApiKeyStore::toKey);
    }

    @Override
    public List<ApiKey> list(TenantId tenantId) {
        return table.index(ApiKeyItem.BY_TENANT_INDEX)
                .query(r -> r.queryConditional(QueryConditional.keyEqualTo(k -> k.partitionValue(tenantId.value()))))
                .stream().flatMap(page -> page.items().stream())
                .filter(item -> tenantId.value().equals(item.getTenantId()))
                .map(DynamoDbApiKeyStore::toKey).toList();
    }

    @Override
    public boolean revoke(TenantId tenantId, ApiKeyId keyId, Instant at) {
        try {
            dynamoDb.updateItem(u -> u.tableName(tableName).key(Map.of("key_id", AttributeValue.fromS(keyId.value())))
                    .updateExpression("SET revoked_at = if_not_exists(revoked_at, :at)")
                    .conditionExpression("attribute_exists(key_id) AND tenant_id = :tenant")
                    .expressionAttributeValues(Map.of(":at", AttributeValue.fromS(format(at)),
                            ":tenant", AttributeValue.fromS(tenantId.value()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void markUsed(ApiKeyId keyId, Instant at, Instant notBefore) {
        try {
            dynamoDb.updateItem(u -> u.tableName(tableName).key(Map.of("key_id", AttributeValue.fromS(keyId.value())))
                    .updateExpression("SET last_used_at = :at")
                    .conditionExpression("attribute_exists(key_id) AND "
                            + "(attribute_not_exists(last_used_at) OR last_used_at < :notBefore)")
                    .expressionAttributeValues(Map.of(":at", AttributeValue.fromS(format(at)),
                            ":notBefore", AttributeValue.fromS(format(notBefore)))));
        } catch (ConditionalCheckFailedException recentEnough) {
            // another instance wrote it within the interval
        }
    }

    private static Key key(ApiKeyId keyId) {
        return Key.builder().partitionValue(keyId.value()).build();
    }

    static String format(Instant instant) {
        return INSTANT.format(instant);
    }

    private static @Nullable Instant parse(@Nullable String text) {
        return text == null ? null : Instant.parse(text);
    }

    private static ApiKeyItem toItem(ApiKey key) {
        ApiKeyItem item = new ApiKeyItem();
        item.setKeyId(key.keyId().value());
        item.setTenantId(key.tenantId().value());
        item.setPrincipal(key.principal().value());
        item.setLabel(key.label());
        item.setSecretHash(key.secretHash());
        item.setCreatedAt(format(key.createdAt()));
        item.setExpiresAt(key.expiresAt() == null ? null : format(key.expiresAt()));
        item.setRevokedAt(key.revokedAt() == null ? null : format(key.revokedAt()));
        item.setLastUsedAt(key.lastUsedAt() == null ? null : format(key.lastUsedAt()));
        return item;
    }

    private static ApiKey toKey(ApiKeyItem item) {
        return new ApiKey(ApiKeyId.of(required(item.getKeyId(), "key_id")), TenantId.of(item.getTenantId()),
                UserId.of(item.getPrincipal()), required(item.getLabel(), "label"),
                required(item.getSecretHash(), "secret_hash"), Instant.parse(required(item.getCreatedAt(), "created_at")),
                parse(item.getExpiresAt()), parse(item.getRevokedAt()), parse(item.getLastUsedAt()));
    }

    /** An attribute every key item has; one without it is malformed. */
    private static String required(@Nullable String value, String attribute) {
        if (value == null) {
            throw new IllegalStateException("api key item without " + attribute);
        }
        return value;
    }
}
