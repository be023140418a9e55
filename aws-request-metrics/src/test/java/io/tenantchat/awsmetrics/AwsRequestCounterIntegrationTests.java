package io.tenantchat.awsmetrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Metrics;
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
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
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

    private double count(String service, String operation) {
        return registry.get(AwsRequestCounter.METER).tag("service", service).tag("operation", operation).counter()
                .count();
    }
}
