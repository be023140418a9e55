package io.tenantchat.localstack.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.tenantchat.localstack.AwsClients;
import io.tenantchat.localstack.Ports;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class DynoxideServerIntegrationTests {

    @Test
    void answersInMemoryAndStopsOnClose() {
        DynoxideServer server = DynoxideServer.start(null);
        try (DynamoDbClient dynamoDb = AwsClients.dynamoDb(server.endpoint())) {
            assertThat(dynamoDb.listTables().tableNames()).isEmpty();
        } finally {
            server.close();
        }

        await().until(() -> !Ports.answers(server.endpoint().getPort()));
    }

    @Test
    void keepsTablesInItsDbFileAcrossRestarts(@TempDir Path dir) {
        Path dbFile = dir.resolve("data/dynamodb.sqlite");
        try (DynoxideServer server = DynoxideServer.start(dbFile);
                DynamoDbClient dynamoDb = AwsClients.dynamoDb(server.endpoint())) {
            dynamoDb.createTable(table -> table.tableName("kept")
                    .billingMode("PAY_PER_REQUEST")
                    .attributeDefinitions(AttributeDefinition.builder().attributeName("id")
                            .attributeType(ScalarAttributeType.S).build())
                    .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build()));
        }

        try (DynoxideServer server = DynoxideServer.start(dbFile);
                DynamoDbClient dynamoDb = AwsClients.dynamoDb(server.endpoint())) {
            assertThat(dynamoDb.listTables().tableNames()).containsExactly("kept");
        }
    }

    @Test
    void secondServerOnAPortInUseFailsLoudly() {
        try (DynoxideServer first = DynoxideServer.start(null)) {
            int port = first.endpoint().getPort();

            assertThatThrownBy(() -> DynoxideServer.start(null, port))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("port " + port + " is already in use");
        }
    }
}
