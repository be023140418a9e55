package io.tenantchat.localstack.provision;

import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The table layouts of docs/architecture.md, and creating a table unless it exists. */
final class Tables {

    static final String SESSIONS_BY_USER_INDEX = "tenant_user-created_at-index";
    static final String SESSIONS_BY_TENANT_INDEX = "tenant_id-created_at-index";
    static final String API_KEYS_BY_TENANT_INDEX = "tenant_id-created_at-index";

    private final DynamoDbClient dynamoDb;

    Tables(DynamoDbClient dynamoDb) {
        this.dynamoDb = dynamoDb;
    }

    static CreateTableRequest sessions(String name) {
        return CreateTableRequest.builder()
                .tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(string("session_key"), string("tenant_user"), string("created_at"), string("tenant_id"))
                .keySchema(key("session_key", KeyType.HASH))
                .globalSecondaryIndexes(index(SESSIONS_BY_USER_INDEX, "tenant_user", "created_at"),
                        index(SESSIONS_BY_TENANT_INDEX, "tenant_id", "created_at"))
                .build();
    }

    private static GlobalSecondaryIndex index(String name, String hashKey, String rangeKey) {
        return GlobalSecondaryIndex.builder()
                .indexName(name)
                .keySchema(key(hashKey, KeyType.HASH), key(rangeKey, KeyType.RANGE))
                .projection(projection -> projection.projectionType(ProjectionType.ALL))
                .build();
    }

    static CreateTableRequest messages(String name) {
        return hashAndRange(name, "pk", "sk");
    }

    static CreateTableRequest usage(String name) {
        return hashAndRange(name, "tenant_id", "timestamp");
    }

    static CreateTableRequest usageRollups(String name) {
        return hashAndRange(name, "pk", "sk");
    }

    /** Plans, quota counters and per-message holds, keyed by tenant (api-service's QuotaKeys). */
    static CreateTableRequest tenants(String name) {
        return hashAndRange(name, "tenant_id", "sk");
    }

    /** Per-tenant API keys by key id, listed per tenant (api-service's ApiKeyItem). */
    static CreateTableRequest apiKeys(String name) {
        return CreateTableRequest.builder()
                .tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(string("key_id"), string("tenant_id"), string("created_at"))
                .keySchema(key("key_id", KeyType.HASH))
                .globalSecondaryIndexes(index(API_KEYS_BY_TENANT_INDEX, "tenant_id", "created_at"))
                .build();
    }

    /** The tenant audit trail: one hash-chained entry per tenant and sequence number (api-service's AuditItems). */
    static CreateTableRequest audit(String name) {
        return CreateTableRequest.builder()
                .tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(string("tenant_id"), AttributeDefinition.builder().attributeName("seq")
                        .attributeType(ScalarAttributeType.N).build())
                .keySchema(key("tenant_id", KeyType.HASH), key("seq", KeyType.RANGE))
                .build();
    }

    /**
     * Erasure jobs by subject tenant and job id (api-service's JobItems): GSI {@code job_id-index} finds a job by id,
     * sparse GSI {@code run_state-lease_until-index} (numeric range) the running jobs whose lease ran out.
     */
    static CreateTableRequest jobs(String name) {
        return CreateTableRequest.builder()
                .tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(string("tenant_id"), string("job_id"), string("run_state"),
                        AttributeDefinition.builder().attributeName("lease_until").attributeType(ScalarAttributeType.N).build())
                .keySchema(key("tenant_id", KeyType.HASH), key("job_id", KeyType.RANGE))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("job_id-index")
                                .keySchema(key("job_id", KeyType.HASH))
                                .projection(projection -> projection.projectionType(ProjectionType.ALL)).build(),
                        index("run_state-lease_until-index", "run_state", "lease_until"))
                .build();
    }

    void ensure(CreateTableRequest table) {
        if (exists(table.tableName())) {
            addMissingIndexes(table);
            return;
        }
        try {
            dynamoDb.createTable(table);
        } catch (ResourceInUseException createdMeanwhile) {
            return;
        }
        dynamoDb.waiter().waitUntilTableExists(request -> request.tableName(table.tableName()));
    }

    /** A table kept from an earlier run (e.g. in .local/) gets the indexes added since it was created. */
    private void addMissingIndexes(CreateTableRequest table) {
        Set<String> present = dynamoDb.describeTable(request -> request.tableName(table.tableName())).table()
                .globalSecondaryIndexes().stream().map(GlobalSecondaryIndexDescription::indexName).collect(Collectors.toSet());
        for (GlobalSecondaryIndex index : table.globalSecondaryIndexes()) {
            if (!present.contains(index.indexName())) {
                dynamoDb.updateTable(request -> request.tableName(table.tableName())
                        .attributeDefinitions(table.attributeDefinitions())
                        .globalSecondaryIndexUpdates(update -> update.create(create -> create.indexName(index.indexName())
                                .keySchema(index.keySchema()).projection(index.projection()))));
            }
        }
    }

    private boolean exists(String tableName) {
        try {
            dynamoDb.describeTable(request -> request.tableName(tableName));
            return true;
        } catch (ResourceNotFoundException absent) {
            return false;
        }
    }

    private static CreateTableRequest hashAndRange(String name, String hashKey, String rangeKey) {
        return CreateTableRequest.builder()
                .tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(string(hashKey), string(rangeKey))
                .keySchema(key(hashKey, KeyType.HASH), key(rangeKey, KeyType.RANGE))
                .build();
    }

    private static AttributeDefinition string(String attribute) {
        return AttributeDefinition.builder().attributeName(attribute).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String attribute, KeyType type) {
        return KeySchemaElement.builder().attributeName(attribute).keyType(type).build();
    }
}
