package io.tenantchat.api.architecture.violations;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** An adapter that scans a table: the rule must reject it. */
public final class ScanningAdapter {

    private final DynamoDbClient dynamo;

    public ScanningAdapter(DynamoDbClient dynamo) {
        this.dynamo = dynamo;
    }

    public int count(String table) {
        return dynamo.scan(request -> request.tableName(table)).count();
    }
}
