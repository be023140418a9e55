package io.tenantchat.localstack.provision;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The table layouts of docs/architecture.md, and creating a table unless it exists. */
final class Tables {

    static final String SESSIONS_BY_USER_INDEX = "tenant_user-created_at-index";

    private final DynamoDbClient dynamoDb;

    Tables(DynamoDbClient dynamoDb) {
        this.dynamoDb = dynamoDb;
    }

    static CreateTableRequest sessions(String name) {
        return CreateTableRequest.builder()
                .tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(string("session_key"), string("tenant_user"), string("created_at"))
                .keySchema(key("session_key", KeyType.HASH))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                        .indexName(SESSIONS_BY_USER_INDEX)
                        .keySchema(key("tenant_user", KeyType.HASH), key("created_at", KeyType.RANGE))
                        .projection(projection -> projection.projectionType(ProjectionType.ALL))
                        .build())
                .build();
    }

    static CreateTableRequest messages(String name) {
        return hashAndRange(name, "pk", "sk");
    }

    static CreateTableRequest usage(String name) {
        return hashAndRange(name, "tenant_id", "timestamp");
    }

    void ensure(CreateTableRequest table) {
        if (exists(table.tableName())) {
            return;
        }
        try {
            dynamoDb.createTable(table);
        } catch (ResourceInUseException createdMeanwhile) {
            return;
        }
        dynamoDb.waiter().waitUntilTableExists(request -> request.tableName(table.tableName()));
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
