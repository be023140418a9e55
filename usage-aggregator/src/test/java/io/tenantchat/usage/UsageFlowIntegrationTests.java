package io.tenantchat.usage;

import static io.tenantchat.usage.support.UsageEvents.anEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tenantchat.localstack.AwsClients;
import io.tenantchat.localstack.dynamodb.DynoxideServer;
import io.tenantchat.localstack.eventbridge.EventBridgeStandIn;
import io.tenantchat.localstack.provision.Provisioner;
import io.tenantchat.localstack.provision.QueueUrls;
import io.tenantchat.localstack.provision.TableNames;
import io.tenantchat.localstack.sqs.ElasticMqServer;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.usage.Granularity;
import io.tenantchat.shared.usage.ModelInvoked;
import io.tenantchat.shared.usage.UsageRollupKeys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistrar;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import tools.jackson.databind.json.JsonMapper;

/** ModelInvoked events through the EventBridge stand-in, the usage-events queue and the running aggregator. */
@SpringBootTest(properties = "spring.cloud.aws.sqs.listener.poll-timeout=1s")
@ActiveProfiles("local")
@DirtiesContext
class UsageFlowIntegrationTests {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired DynamoDbClient dynamoDb;
    @Autowired EventBridgeStandIn eventBridge;
    @Autowired JsonMapper json;
    @Autowired ElasticMqServer elasticMq;

    private EventBridgeClient client;

    @BeforeEach
    void connect() {
        client = EventBridgeClient.builder().endpointOverride(eventBridge.endpoint()).region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    @Test
    void countsEachEventOnceThroughDuplicatesAndAFullReplay() {
        List<ModelInvoked> events = new ArrayList<>();
        IntStream.range(0, 60).forEach(i -> events.add(anEvent().tenant("tenant-a").user("u" + (i % 3))
                .tokens((long) i, 2L * i).build()));
        long expectedInput = events.stream().mapToLong(ModelInvoked::inputTokens).sum();

        publish(events);
        publish(events.subList(0, 20));
        publish(events);

        await().atMost(PATIENCE).until(() -> rollup("tenant-a", "2026-11-29#total", "invocations") == 60
                && rawRows("tenant-a") == 60);
        assertThat(rollup("tenant-a", "2026-11-29#total", "input_tokens")).isEqualTo(expectedInput);
        assertThat(rollup("tenant-a", "2026-11-29#user#u0", "invocations")).isEqualTo(20);
        assertThat(rollup("tenant-b", "2026-11-29#total", "invocations")).isZero();
    }

    @Test
    void forgedEventsSentStraightToTheQueueAreDeadLetteredWithTheirReasonAndCountNothing() {
        ModelInvoked refund = anEvent().tenant("tenant-f").tokens(-1_000_000L, 0L).build();
        ModelInvoked fromElsewhere = anEvent().tenant("tenant-f").build();
        ModelInvoked genuine = anEvent().tenant("tenant-f").tokens(7L, 3L).build();

        try (SqsClient sqs = AwsClients.sqs(elasticMq.endpoint())) {
            String queue = sqs.getQueueUrl(q -> q.queueName(Provisioner.USAGE_EVENTS)).queueUrl();
            sqs.sendMessage(m -> m.queueUrl(queue).messageBody(envelope(ModelInvoked.SOURCE, refund)));
            sqs.sendMessage(m -> m.queueUrl(queue).messageBody(envelope("tenantchat.api", fromElsewhere)));
            publish(List.of(genuine));

            await().atMost(PATIENCE).until(() -> rollup("tenant-f", "2026-11-29#total", "invocations") == 1);
            List<Message> letters = new ArrayList<>();
            String deadLetters = sqs.getQueueUrl(q -> q.queueName(Provisioner.USAGE_EVENTS_DLQ)).queueUrl();
            await().atMost(PATIENCE).until(() -> {
                letters.addAll(sqs.receiveMessage(r -> r.queueUrl(deadLetters).maxNumberOfMessages(10)
                        .messageAttributeNames("All").waitTimeSeconds(1)).messages());
                return letters.size() >= 2;
            });
            assertThat(letters).extracting(letter -> letter.messageAttributes().get("rejection_reason").stringValue())
                    .containsExactlyInAnyOrder("value_out_of_range", "wrong_source");
            assertThat(letters).extracting(Message::body).allMatch(body -> body.contains("tenant-f"));
        }
        assertThat(rollup("tenant-f", "2026-11-29#total", "input_tokens")).isEqualTo(7);
        assertThat(rawRows("tenant-f")).isEqualTo(1);
    }

    private String envelope(String source, ModelInvoked event) {
        return """
                {"version": "0", "id": "forged", "detail-type": "%s", "source": "%s", "account": "000000000000",
                 "time": "2026-11-29T13:45:00Z", "region": "us-east-1", "resources": [], "detail": %s}
                """.formatted(ModelInvoked.DETAIL_TYPE, source, json.writeValueAsString(event));
    }

    private void publish(List<ModelInvoked> events) {
        for (int from = 0; from < events.size(); from += 10) {
            List<PutEventsRequestEntry> batch = events.subList(from, Math.min(events.size(), from + 10)).stream()
                    .map(e -> PutEventsRequestEntry.builder().eventBusName("tenantchat-usage").source(ModelInvoked.SOURCE)
                            .detailType(ModelInvoked.DETAIL_TYPE).detail(json.writeValueAsString(e)).build())
                    .toList();
            assertThat(client.putEvents(r -> r.entries(batch)).failedEntryCount()).isZero();
        }
    }

    private long rollup(String tenant, String sortKey, String attribute) {
        return IntStream.range(0, 4).mapToLong(shard -> {
            Map<String, AttributeValue> item = dynamoDb.getItem(g -> g.tableName("tenant-usage-rollups").consistentRead(true)
                    .key(Map.of("pk", AttributeValue.fromS(UsageRollupKeys.partition(TenantId.of(tenant), Granularity.DAY, shard)),
                            "sk", AttributeValue.fromS(sortKey)))).item();
            return item.containsKey(attribute) ? Long.parseLong(item.get(attribute).n()) : 0;
        }).sum();
    }

    private int rawRows(String tenant) {
        return dynamoDb.query(q -> q.tableName("tenant-usage").keyConditionExpression("tenant_id = :t")
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromS(tenant)))).count();
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
            return ElasticMqServer.start();
        }

        @Bean(destroyMethod = "close")
        EventBridgeStandIn eventBridge(ElasticMqServer elasticMq) {
            QueueUrls queues;
            try (var sqs = AwsClients.sqs(elasticMq.endpoint())) {
                queues = Provisioner.createQueues(sqs);
            }
            EventBridgeStandIn standIn = EventBridgeStandIn.start(elasticMq.endpoint());
            standIn.addRule("tenantchat-usage", ModelInvoked.SOURCE, ModelInvoked.DETAIL_TYPE, queues.usageEvents());
            return standIn;
        }

        @Bean
        DynamicPropertyRegistrar standInEndpoints(DynoxideServer dynoxide, ElasticMqServer elasticMq) {
            return registry -> {
                registry.add("spring.cloud.aws.dynamodb.endpoint", () -> dynoxide.endpoint().toString());
                registry.add("spring.cloud.aws.sqs.endpoint", () -> elasticMq.endpoint().toString());
            };
        }
    }
}
