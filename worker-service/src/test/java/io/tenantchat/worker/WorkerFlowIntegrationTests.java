package io.tenantchat.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tenantchat.localstack.AwsClients;
import io.tenantchat.localstack.bedrock.BedrockStandIn;
import io.tenantchat.localstack.bedrock.BedrockStandIn.Fault;
import io.tenantchat.localstack.dynamodb.DynoxideServer;
import io.tenantchat.localstack.provision.Provisioner;
import io.tenantchat.localstack.provision.TableNames;
import io.tenantchat.localstack.sqs.ElasticMqServer;
import io.tenantchat.shared.ChatRequested;
import io.tenantchat.shared.MessageId;
import io.tenantchat.worker.support.StoredItems;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import io.tenantchat.localstack.eventbridge.EventBridgeStandIn;
import io.tenantchat.shared.usage.ModelInvoked;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistrar;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole worker against the stand-ins: a job on chat-requests.fifo becomes a stored reply. The stand-ins are
 * beans, so they stop only after the SQS listener has.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.cloud.aws.sqs.listener.poll-timeout=1s")
@ActiveProfiles("local")
@DirtiesContext
class WorkerFlowIntegrationTests {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired DynamoDbClient dynamoDb;
    @Autowired ElasticMqServer elasticMq;
    @Autowired BedrockStandIn bedrock;
    @Autowired JsonMapper jsonMapper;
    @LocalServerPort int port;

    private SqsClient sqs;
    private String queueUrl;
    private StoredItems items;

    @BeforeEach
    void connect() {
        sqs = AwsClients.sqs(elasticMq.endpoint());
        queueUrl = sqs.getQueueUrl(r -> r.queueName(Provisioner.CHAT_REQUESTS)).queueUrl();
        items = new StoredItems(dynamoDb).withSession(1);
    }

    @AfterEach
    void disconnect() {
        bedrock.settings(BedrockStandIn.Settings.defaults());
        sqs.close();
    }

    @Test
    void queuedMessageIsAnsweredAndCounted() {
        MessageId id = items.userMessage("What is the capital of France?", "queued");

        send(job(id), id.value());

        await().atMost(PATIENCE).until(() -> "completed".equals(status(id)));
        assertThat(items.messageItem(id, "#2").get("content").s())
                .startsWith("[bedrock stand-in] (tenant tenant-001)")
                .contains("You said: What is the capital of France?");
        assertThat(items.sessionMessageCount()).isEqualTo(2);
        assertThat(usageEventIds()).contains(ModelInvoked.eventIdOf(id, 1));
    }

    @Test
    void redeliveredJobDoesNotDuplicateReply() {
        MessageId id = items.userMessage("What is the capital of Spain?", "queued");
        send(job(id), id.value());
        await().atMost(PATIENCE).until(() -> "completed".equals(status(id)));
        int invocations = bedrock.invocations();

        send(job(id), id.value() + "-resent");

        await().atMost(PATIENCE).until(this::queueIsDrained);
        assertThat(bedrock.invocations()).isEqualTo(invocations);
        assertThat(items.sessionMessageCount()).isEqualTo(2);
    }

    @Test
    void duplicateDeliveryOfTheSameJobMakesOneModelCallAndOneReply() {
        MessageId id = items.userMessage("Only once, please.", "queued");
        int invocations = bedrock.invocations();

        send(job(id), id.value());
        send(job(id), id.value() + "-duplicate");

        await().atMost(PATIENCE).until(() -> "completed".equals(status(id)) && queueIsDrained());
        assertThat(bedrock.invocations() - invocations).isOne();
        assertThat(items.sessionMessageCount()).isEqualTo(2);
        assertThat(items.messageItem(id, "#1").get("attempts").n()).isEqualTo("1");
    }

    @Test
    void throttledModelIsRetriedInProcessAndTheAttemptsAreCounted() {
        bedrock.settings(BedrockStandIn.Settings.defaults().withFault(Fault.throttleBeforeStream(2)));
        MessageId id = items.userMessage("Busy model?", "queued");

        send(job(id), id.value());

        await().atMost(PATIENCE).until(() -> "completed".equals(status(id)));
        assertThat(items.messageItem(id, "#1").get("attempts").n()).isEqualTo("3");
        assertThat(items.messageItem(id, "#2").get("content").s()).contains("You said: Busy model?");
    }

    @Test
    void permanentModelErrorFailsTheMessageWithAReasonAndDeadLettersTheJob() {
        bedrock.settings(BedrockStandIn.Settings.defaults().withFault(Fault.validation(1)));
        MessageId id = items.userMessage("Something the model refuses", "queued");
        String dlq = sqs.getQueueUrl(r -> r.queueName(Provisioner.CHAT_REQUESTS_DLQ)).queueUrl();

        send(job(id), id.value());

        await().atMost(PATIENCE).until(() -> "failed".equals(status(id)));
        assertThat(items.messageItem(id, "#1").get("error_code").s()).isEqualTo("invalid_request");
        assertThat(items.messageItem(id, "#1").get("error_message").s()).startsWith("The model rejected the request: ");
        Message dead = await().atMost(PATIENCE).until(() -> receiveFrom(dlq, id), Objects::nonNull);
        assertThat(dead.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID))
                .isEqualTo(items.tenant.value() + "#" + items.session.value());
        assertThat(dead.attributes().get(MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID)).isEqualTo(id.value());
        assertThat(items.messageItem(id, "#2")).isEmpty();
    }

    @Test
    void messageLeftProcessingByADeadWorkerIsTakenOverWithItsAttemptCountKept() {
        MessageId id = items.userMessage("Are you still there?", "processing");
        items.setAttempts(id, 1);

        send(job(id), id.value());

        await().atMost(PATIENCE).until(() -> "completed".equals(status(id)));
        assertThat(items.messageItem(id, "#1").get("attempts").n()).isEqualTo("2");
        assertThat(items.sessionMessageCount()).isEqualTo(2);
    }

    @Test
    void requeuedMessageGetsAFreshAttemptBudgetAndKeepsCountingItsAttempts() {
        MessageId id = items.userMessage("Try again, please", "queued");
        items.requeueAfter(id, 5);

        send(job(id), id.value() + "#requeue-1");

        await().atMost(PATIENCE).until(() -> "completed".equals(status(id)));
        assertThat(items.messageItem(id, "#1").get("attempts").n()).isEqualTo("6");
    }

    @Test
    void requeuedJobThatFailsAgainIsDeadLetteredUnderItsOwnDeduplicationId() {
        bedrock.settings(BedrockStandIn.Settings.defaults().withFault(Fault.validation(1)));
        MessageId id = items.userMessage("Refused twice", "queued");
        items.requeueAfter(id, 5);
        String dlq = sqs.getQueueUrl(r -> r.queueName(Provisioner.CHAT_REQUESTS_DLQ)).queueUrl();

        send(job(id), id.value() + "#requeue-1");

        await().atMost(PATIENCE).until(() -> "failed".equals(status(id)));
        Message dead = await().atMost(PATIENCE).until(() -> receiveFrom(dlq, id), Objects::nonNull);
        assertThat(dead.attributes().get(MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID))
                .isEqualTo(id.value() + "#requeue-1");
    }

    @Test
    void healthIsUp() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void malformedJobIsDroppedInsteadOfRedelivered() {
        send("{\"message_id\":\"not-a-uuid\"}", "malformed-" + items.session.value());

        await().atMost(PATIENCE).until(this::queueIsDrained);
    }

    private String job(MessageId id) {
        return jsonMapper.writeValueAsString(
                new ChatRequested(id, items.tenant, items.user, items.session, Instant.now()));
    }

    private void send(String body, String deduplicationId) {
        sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(body)
                .messageGroupId(items.tenant.value() + "#" + items.session.value())
                .messageDeduplicationId(deduplicationId));
    }

    private String status(MessageId id) {
        return items.messageItem(id, "#1").get("status").s();
    }

    private Message receiveFrom(String queueUrl, MessageId id) {
        return sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)
                        .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages().stream()
                .filter(message -> message.body().contains(id.value()))
                .findFirst().orElse(null);
    }

    private boolean queueIsDrained() {
        var attributes = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return attributes.values().stream().allMatch("0"::equals);
    }

    private List<String> usageEventIds() {
        String usageEvents = sqs.getQueueUrl(r -> r.queueName(Provisioner.USAGE_EVENTS)).queueUrl();
        return sqs.receiveMessage(r -> r.queueUrl(usageEvents).maxNumberOfMessages(10).waitTimeSeconds(1)).messages()
                .stream().map(m -> jsonMapper.readTree(m.body()).path("detail").path("event_id").asString()).toList();
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class StandIns {

        @Bean(destroyMethod = "close")
        DynoxideServer dynoxide() {
            DynoxideServer server = DynoxideServer.start(null);
            try (DynamoDbClient client = AwsClients.dynamoDb(server.endpoint())) {
                Provisioner.createTables(client, TableNames.defaults());
            }
            return server;
        }

        @Bean(destroyMethod = "close")
        ElasticMqServer elasticMq() {
            ElasticMqServer server = ElasticMqServer.start();
            try (SqsClient client = AwsClients.sqs(server.endpoint())) {
                Provisioner.createQueues(client);
            }
            return server;
        }

        @Bean(destroyMethod = "close")
        BedrockStandIn bedrockStandIn() {
            return BedrockStandIn.start(BedrockStandIn.Settings.defaults());
        }

        /** Usage events go to the bus first: a reply is stored only once its usage is published. */
        @Bean(destroyMethod = "close")
        EventBridgeStandIn eventBridgeStandIn(ElasticMqServer elasticMq) {
            EventBridgeStandIn eventBridge = EventBridgeStandIn.start(elasticMq.endpoint());
            try (SqsClient client = AwsClients.sqs(elasticMq.endpoint())) {
                String usageEvents = client.getQueueUrl(r -> r.queueName(Provisioner.USAGE_EVENTS)).queueUrl();
                eventBridge.addRule("tenantchat-usage", ModelInvoked.SOURCE, ModelInvoked.DETAIL_TYPE, usageEvents);
            }
            return eventBridge;
        }

        @Bean
        DynamicPropertyRegistrar standInEndpoints(DynoxideServer dynoxide, ElasticMqServer elasticMq,
                BedrockStandIn bedrock, EventBridgeStandIn eventBridge) {
            return registry -> {
                registry.add("spring.cloud.aws.dynamodb.endpoint", () -> dynoxide.endpoint().toString());
                registry.add("spring.cloud.aws.sqs.endpoint", () -> elasticMq.endpoint().toString());
                registry.add("tenantchat.aws.bedrock-runtime-endpoint", () -> bedrock.endpoint().toString());
                registry.add("tenantchat.aws.eventbridge-endpoint", () -> eventBridge.endpoint().toString());
            };
        }
    }
}
