package io.tenantchat.awsmetrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Metrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tenantchat.localstack.AwsClients;
import io.tenantchat.localstack.dynamodb.DynoxideServer;
import io.tenantchat.localstack.eventbridge.EventBridgeStandIn;
import io.tenantchat.localstack.sqs.ElasticMqServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Clients built with no interceptor configured, talking to the local stand-ins, are counted by service and
 * operation through the classpath registration alone, each retry included.
 */
class AwsRequestCounterIntegrationTests {

    static ElasticMqServer sqsServer;
    static DynoxideServer dynamoServer;
    static EventBridgeStandIn eventBridge;
    SimpleMeterRegistry registry;

    @BeforeAll
    static void startStandIns() {
        sqsServer = ElasticMqServer.start();
        dynamoServer = DynoxideServer.start(null);
        eventBridge = EventBridgeStandIn.start(sqsServer.endpoint());
    }

    @AfterAll
    static void stopStandIns() {
        eventBridge.close();
        dynamoServer.close();
        sqsServer.close();
    }

    @BeforeEach
    void joinGlobalRegistry() {
        registry = new SimpleMeterRegistry();
        Metrics.addRegistry(registry);
    }

    @AfterEach
    void leaveGlobalRegistry() {
        Metrics.removeRegistry(registry);
        Metrics.globalRegistry.clear();
    }

    @Test
    void countsEveryRequestOfEveryClientByServiceAndOperation() {
        try (SqsClient sqs = AwsClients.sqs(sqsServer.endpoint());
                DynamoDbClient dynamoDb = AwsClients.dynamoDb(dynamoServer.endpoint())) {
            String queue = sqs.createQueue(q -> q.queueName("counted")).queueUrl();
            sqs.sendMessage(m -> m.queueUrl(queue).messageBody("one"));
            sqs.sendMessage(m -> m.queueUrl(queue).messageBody("two"));
            dynamoDb.listTables();
        }

        assertThat(count("Sqs", "CreateQueue")).isEqualTo(1);
        assertThat(count("Sqs", "SendMessage")).isEqualTo(2);
        assertThat(count("DynamoDb", "ListTables")).isEqualTo(1);
        assertThat(registry.find(AwsRequestCounter.METER).counters()).hasSize(3);
    }

    @Test
    void countsEachRetryAsARequest() {
        eventBridge.refuseAllCalls(true);
        try (EventBridgeClient client = EventBridgeClient.builder().endpointOverride(eventBridge.endpoint())
                .region(AwsClients.REGION).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .overrideConfiguration(o -> o.retryStrategy(RetryMode.STANDARD)).build()) {
            assertThatThrownBy(() -> client.putEvents(r -> r.entries(e -> e.source("s").detailType("d").detail("{}"))))
                    .isInstanceOf(SdkException.class);
        } finally {
            eventBridge.refuseAllCalls(false);
        }

        assertThat(count("EventBridge", "PutEvents")).isEqualTo(3); // the standard strategy's 3 attempts
    }

    @Test
    void logsEachDistinctServiceOperationAndResourceOnceWhenACallLogIsSet(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("calls/worker-service.calls");
        SimpleMeterRegistry own = new SimpleMeterRegistry();
        AwsRequestCounter counter = new AwsRequestCounter(own, new AwsCallLog(log));
        try (SqsClient sqs = AwsClients.sqs(sqsServer.endpoint());
                DynamoDbClient dynamoDb = DynamoDbClient.builder().endpointOverride(dynamoServer.endpoint())
                        .region(AwsClients.REGION).httpClient(UrlConnectionHttpClient.create())
                        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("l", "l")))
                        .overrideConfiguration(o -> o.addExecutionInterceptor(counter)).build();
                EventBridgeClient events = EventBridgeClient.builder().endpointOverride(eventBridge.endpoint())
                        .region(AwsClients.REGION).httpClient(UrlConnectionHttpClient.create())
                        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("l", "l")))
                        .overrideConfiguration(o -> o.addExecutionInterceptor(counter)).build()) {
            dynamoDb.createTable(t -> t.tableName("things").billingMode(BillingMode.PAY_PER_REQUEST)
                    .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                    .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S)));
            for (int i = 0; i < 3; i++) {
                String key = "k" + i;
                dynamoDb.putItem(p -> p.tableName("things").item(Map.of("pk", AttributeValue.fromS(key))));
            }
            dynamoDb.transactWriteItems(t -> t.transactItems(
                    TransactWriteItem.builder().update(u -> u.tableName("things")
                            .key(Map.of("pk", AttributeValue.fromS("k0"))).updateExpression("SET n = :n")
                            .expressionAttributeValues(Map.of(":n", AttributeValue.fromN("1")))).build(),
                    TransactWriteItem.builder().conditionCheck(c -> c.tableName("things")
                            .key(Map.of("pk", AttributeValue.fromS("k1"))).conditionExpression("attribute_exists(pk)"))
                            .build()));
            dynamoDb.batchWriteItem(b -> b.requestItems(Map.of("things", List.of(WriteRequest.builder()
                    .deleteRequest(d -> d.key(Map.of("pk", AttributeValue.fromS("k2")))).build()))));
            events.putEvents(r -> r.entries(e -> e.eventBusName("arn:aws:events:us-east-1:000000000000:event-bus/usage")
                    .source("s").detailType("d").detail("{}")));
        }

        assertThat(Files.readAllLines(log)).containsExactlyInAnyOrder(
                "DynamoDb\tCreateTable\tthings\tservice",
                "DynamoDb\tPutItem\tthings\tservice",
                "DynamoDb\tTransactWriteItems.Update\tthings\tservice",
                "DynamoDb\tTransactWriteItems.ConditionCheck\tthings\tservice",
                "DynamoDb\tBatchWriteItem\tthings\tservice",
                "EventBridge\tPutEvents\tusage\tservice");
        assertThat(own.get(AwsRequestCounter.METER).tag("operation", "PutItem").tag("resource", "things")
                .counter().count()).isEqualTo(3);
    }

    @Test
    void namesTheQueueOfAQueueUrlAndTheIndexOfAQuery(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("api-service.calls");
        AwsRequestCounter counter = new AwsRequestCounter(registry, new AwsCallLog(log));
        try (SqsClient sqs = SqsClient.builder().endpointOverride(sqsServer.endpoint()).region(AwsClients.REGION)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("l", "l")))
                .overrideConfiguration(o -> o.addExecutionInterceptor(counter)).build()) {
            String queue = sqs.createQueue(q -> q.queueName("named")).queueUrl();
            sqs.sendMessage(m -> m.queueUrl(queue).messageBody("one"));
        }

        assertThat(Files.readAllLines(log)).containsExactly("Sqs\tCreateQueue\tnamed\tservice", "Sqs\tSendMessage\tnamed\tservice");
    }

    @Test
    void logsTheSignerARequestNames(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("api-service.calls");
        AwsRequestCounter counter = new AwsRequestCounter(registry, new AwsCallLog(log));
        try (DynamoDbClient dynamoDb = DynamoDbClient.builder().endpointOverride(dynamoServer.endpoint())
                .region(AwsClients.REGION).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("l", "l")))
                .overrideConfiguration(o -> o.addExecutionInterceptor(counter)).build()) {
            dynamoDb.createTable(t -> t.tableName("signed").billingMode(BillingMode.PAY_PER_REQUEST)
                    .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                    .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S)));
            dynamoDb.putItem(p -> p.tableName("signed").item(Map.of("pk", AttributeValue.fromS("t#1")))
                    .overrideConfiguration(o -> o.putExecutionAttribute(AwsCallSigner.ATTRIBUTE, AwsCallSigner.TENANT)));
            dynamoDb.getItem(g -> g.tableName("signed").key(Map.of("pk", AttributeValue.fromS("t#1"))));
        }

        assertThat(Files.readAllLines(log)).containsExactly("DynamoDb\tCreateTable\tsigned\tservice",
                "DynamoDb\tPutItem\tsigned\ttenant", "DynamoDb\tGetItem\tsigned\tservice");
    }

    private double count(String service, String operation) {
        return registry.get(AwsRequestCounter.METER).tag("service", service).tag("operation", operation).counter()
                .count();
    }
}
