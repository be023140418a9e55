package io.tenantchat.api.architecture.violations.adapter.out.dynamodb;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A DynamoDB adapter that keeps the service's own client, so its calls are never signed per tenant. */
public final class UnsignedStore {

    private final DynamoDbClient dynamo;

    public UnsignedStore(DynamoDbClient dynamo) {
        this.dynamo = dynamo;
    }

    public Map<String, AttributeValue> find(String tenantId) {
        return dynamo.getItem(g -> g.tableName("tenants").key(Map.of("tenant_id", AttributeValue.fromS(tenantId),
                "sk", AttributeValue.fromS("plan")))).item();
    }
}
