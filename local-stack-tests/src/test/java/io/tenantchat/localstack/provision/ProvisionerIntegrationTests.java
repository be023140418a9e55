package io.tenantchat.localstack.provision;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantchat.localstack.AwsClients;
import io.tenantchat.localstack.SharedStandIns;
import io.tenantchat.localstack.dynamodb.DynoxideServer;
import io.tenantchat.localstack.sqs.ElasticMqServer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

class ProvisionerIntegrationTests {

    private static DynoxideServer dynoxide;
    private static ElasticMqServer elasticMq;
    private static DynamoDbClient dynamoDb;
    private static SqsClient sqs;

    @BeforeAll
    static void startStandIns() {
        dynoxide = SharedStandIns.dynoxide();
        elasticMq = SharedStandIns.elasticMq();
        dynamoDb = AwsClients.dynamoDb(dynoxide.endpoint());
        sqs = AwsClients.sqs(elasticMq.endpoint());
    }

    @AfterAll
    static void stopStandIns() {
        dynamoDb.close();
        sqs.close();
    }

    @Test
    void createsTablesIdempotently() {
        Provisioner.createTables(dynamoDb, TableNames.defaults());
        Provisioner.createTables(dynamoDb, TableNames.defaults());

        assertThat(dynamoDb.listTables().tableNames())
                .containsExactlyInAnyOrder("tenant-sessions", "tenant-messages", "tenant-usage", "tenant-usage-rollups",
                        "tenants", "tenant-api-keys", "tenant-audit", "tenant-jobs");
    }

    @Test
    void createsTheAuditTableByTenantAndNumericSequence() {
        Provisioner.createTables(dynamoDb, TableNames.defaults());

        TableDescription audit = describe("tenant-audit");
        assertThat(audit.keySchema()).containsExactly(key("tenant_id", KeyType.HASH), key("seq", KeyType.RANGE));
        assertThat(audit.attributeDefinitions()).anySatisfy(definition -> {
            assertThat(definition.attributeName()).isEqualTo("seq");
            assertThat(definition.attributeType()).isEqualTo(ScalarAttributeType.N);
        });
        assertThat(audit.globalSecondaryIndexes()).isEmpty();
    }

    @Test
    void createsTheApiKeysTableByKeyIdWithItsTenantIndex() {
        Provisioner.createTables(dynamoDb, TableNames.defaults());

        TableDescription keys = describe("tenant-api-keys");
        assertThat(keys.keySchema()).containsExactly(key("key_id", KeyType.HASH));
        assertThat(keys.globalSecondaryIndexes()).singleElement().satisfies(index -> {
            assertThat(index.indexName()).isEqualTo("tenant_id-created_at-index");
            assertThat(index.keySchema()).containsExactly(key("tenant_id", KeyType.HASH),
                    key("created_at", KeyType.RANGE));
            assertThat(index.projection().projectionType()).isEqualTo(ProjectionType.ALL);
        });
    }

    @Test
    void createsTheSessionsTableWithItsUserAndTenantIndexes() {
        Provisioner.createTables(dynamoDb, TableNames.defaults());

        TableDescription sessions = describe("tenant-sessions");
        assertThat(sessions.keySchema()).containsExactly(key("session_key", KeyType.HASH));
        assertThat(sessions.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(sessions.globalSecondaryIndexes()).extracting(GlobalSecondaryIndexDescription::indexName)
                .containsExactlyInAnyOrder("tenant_user-created_at-index", "tenant_id-created_at-index");
        assertThat(sessions.globalSecondaryIndexes()).allSatisfy(index -> {
            assertThat(index.keySchema().get(1)).isEqualTo(key("created_at", KeyType.RANGE));
            assertThat(index.projection().projectionType()).isEqualTo(ProjectionType.ALL);
        });
    }

    @Test
    void createsMessageAndUsageTablesWithHashAndRangeKeys() {
        Provisioner.createTables(dynamoDb, TableNames.defaults());

        assertThat(describe("tenant-messages").keySchema())
                .containsExactly(key("pk", KeyType.HASH), key("sk", KeyType.RANGE));
        assertThat(describe("tenant-usage").keySchema())
                .containsExactly(key("tenant_id", KeyType.HASH), key("timestamp", KeyType.RANGE));
        assertThat(describe("tenant-usage-rollups").keySchema())
                .containsExactly(key("pk", KeyType.HASH), key("sk", KeyType.RANGE));
    }

    @Test
    void createsQueuesIdempotently() {
        QueueUrls first = Provisioner.createQueues(sqs);
        QueueUrls second = Provisioner.createQueues(sqs);

        assertThat(second).isEqualTo(first);
        assertThat(first.chatRequests()).endsWith("/chat-requests.fifo");
        assertThat(first.chatRequestsDlq()).endsWith("/chat-requests-dlq.fifo");
        assertThat(first.usageEvents()).endsWith("/usage-events");
        assertThat(first.usageEventsDlq()).endsWith("/usage-events-dlq");
    }

    @Test
    void chatRequestsIsAFifoQueueRedrivingToItsDeadLetterQueue() {
        QueueUrls queues = Provisioner.createQueues(sqs);

        Map<QueueAttributeName, String> attributes = attributes(queues.chatRequests());
        assertThat(attributes).containsEntry(QueueAttributeName.FIFO_QUEUE, "true")
                .containsEntry(QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "false")
                .containsEntry(QueueAttributeName.VISIBILITY_TIMEOUT, "60");
        assertThat(attributes.get(QueueAttributeName.REDRIVE_POLICY))
                .contains(arn(queues.chatRequestsDlq()))
                .containsPattern("\"maxReceiveCount\":\"?5\"?");
        assertThat(attributes(queues.chatRequestsDlq())).containsEntry(QueueAttributeName.FIFO_QUEUE, "true");
    }

    @Test
    void usageEventsIsAStandardQueueRedrivingToItsDeadLetterQueue() {
        QueueUrls queues = Provisioner.createQueues(sqs);

        Map<QueueAttributeName, String> attributes = attributes(queues.usageEvents());
        assertThat(attributes).doesNotContainKey(QueueAttributeName.FIFO_QUEUE);
        assertThat(attributes.get(QueueAttributeName.REDRIVE_POLICY))
                .contains(arn(queues.usageEventsDlq()))
                .containsPattern("\"maxReceiveCount\":\"?5\"?");
    }

    private static TableDescription describe(String table) {
        return dynamoDb.describeTable(request -> request.tableName(table)).table();
    }

    private static KeySchemaElement key(String attribute, KeyType type) {
        return KeySchemaElement.builder().attributeName(attribute).keyType(type).build();
    }

    private static Map<QueueAttributeName, String> attributes(String queueUrl) {
        return sqs.getQueueAttributes(request -> request.queueUrl(queueUrl).attributeNames(QueueAttributeName.ALL))
                .attributes();
    }

    private static String arn(String queueUrl) {
        return attributes(queueUrl).get(QueueAttributeName.QUEUE_ARN);
    }
}
