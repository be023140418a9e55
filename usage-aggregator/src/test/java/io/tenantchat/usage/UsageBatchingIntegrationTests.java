package io.tenantchat.usage;

import static io.tenantchat.usage.support.UsageEvents.anEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.awspring.cloud.sqs.listener.MessageListenerContainer;
import io.awspring.cloud.sqs.listener.MessageListenerContainerRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tenantchat.awsmetrics.AwsRequestCounter;
import io.tenantchat.localstack.AwsClients;
import io.tenantchat.localstack.dynamodb.DynoxideServer;
import io.tenantchat.localstack.provision.Provisioner;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistrar;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import tools.jackson.databind.json.JsonMapper;

/**
 * A backlog of usage events (new ones, redelivered ones, forged ones) taken by the running aggregator in receives of
 * ten: each event is counted once, the forged ones are dead-lettered with their reason, and the AWS requests of the
 * usage path per event are counted with the project's request counter.
 */
@SpringBootTest(properties = {"spring.cloud.aws.sqs.listener.auto-startup=false",
        "spring.cloud.aws.sqs.listener.poll-timeout=2s"})
@ActiveProfiles("local")
@DirtiesContext
class UsageBatchingIntegrationTests {

    private static final SimpleMeterRegistry REQUESTS = new SimpleMeterRegistry();
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired DynamoDbClient dynamoDb;
    @Autowired JsonMapper json;
    @Autowired ElasticMqServer elasticMq;
    @Autowired MessageListenerContainerRegistry containers;

    @BeforeAll
    static void count() {
        Metrics.globalRegistry.add(REQUESTS);
    }

    @AfterAll
    static void stopCounting() {
        Metrics.globalRegistry.remove(REQUESTS);
    }

    @Test
    void aBacklogIsCountedOnceInBatchesAtUnderHalfARequestPerEvent() {
        List<ModelInvoked> events = new ArrayList<>();
        IntStream.range(0, 60).forEach(i -> events.add(anEvent().tenant(i % 3 == 0 ? "tenant-x" : "tenant-y")
                .user("u" + (i % 2)).tokens((long) i, 1L).build()));
        List<String> bodies = new ArrayList<>(events.stream().map(e -> envelope(ModelInvoked.SOURCE, e)).toList());
        events.subList(0, 15).forEach(e -> bodies.add(envelope(ModelInvoked.SOURCE, e))); // delivered again
        bodies.add(envelope("tenantchat.api", anEvent().tenant("tenant-x").build()));
        bodies.add(envelope(ModelInvoked.SOURCE, anEvent().tenant("tenant-x").tokens(-5L, 0L).build()));

        try (SqsClient sqs = AwsClients.sqs(elasticMq.endpoint())) {
            String queue = sqs.getQueueUrl(q -> q.queueName(Provisioner.USAGE_EVENTS)).queueUrl();
            for (int from = 0; from < bodies.size(); from += 10) {
                List<SendMessageBatchRequestEntry> batch = new ArrayList<>();
                for (int i = from; i < Math.min(bodies.size(), from + 10); i++) {
                    batch.add(SendMessageBatchRequestEntry.builder().id("m" + i).messageBody(bodies.get(i)).build());
                }
                assertThat(sqs.sendMessageBatch(b -> b.queueUrl(queue).entries(batch)).failed()).isEmpty();
            }
            double before = usagePathRequests();

            containers.getListenerContainers().forEach(MessageListenerContainer::start);

            await().atMost(PATIENCE).until(() -> rollup("tenant-x", "invocations") == 20
                    && rollup("tenant-y", "invocations") == 40 && queueEmpty(sqs, queue));
            double perEvent = (usagePathRequests() - before) / bodies.size();
            System.out.printf("usage path: %.2f AWS requests per event (%s)%n", perEvent, breakdown());
            assertThat(perEvent).isLessThanOrEqualTo(0.5);
            assertThat(requests("DynamoDb", "GetItem", "tenants")).as("no per-event hold read").isZero();

            List<Message> letters = new ArrayList<>();
            String deadLetters = sqs.getQueueUrl(q -> q.queueName(Provisioner.USAGE_EVENTS_DLQ)).queueUrl();
            await().atMost(PATIENCE).until(() -> {
                letters.addAll(sqs.receiveMessage(r -> r.queueUrl(deadLetters).maxNumberOfMessages(10)
                        .messageAttributeNames("All").waitTimeSeconds(1)).messages());
                return letters.size() >= 2;
            });
            assertThat(letters).extracting(l -> l.messageAttributes().get("rejection_reason").stringValue())
                    .containsExactlyInAnyOrder("value_out_of_range", "wrong_source");
        } finally {
            containers.getListenerContainers().forEach(MessageListenerContainer::stop);
        }
        long expectedInputX = events.stream().filter(e -> e.tenantId().value().equals("tenant-x"))
                .mapToLong(ModelInvoked::inputTokens).sum();
        assertThat(rollup("tenant-x", "input_tokens")).isEqualTo(expectedInputX);
        assertThat(rawRows("tenant-x") + rawRows("tenant-y")).isEqualTo(60);
    }

    private static boolean queueEmpty(SqsClient sqs, String queue) {
        Map<String, String> attributes = sqs.getQueueAttributes(a -> a.queueUrl(queue).attributeNamesWithStrings(
                "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible")).attributesAsStrings();
        return "0".equals(attributes.get("ApproximateNumberOfMessages"))
                && "0".equals(attributes.get("ApproximateNumberOfMessagesNotVisible"));
    }

    /** What the aggregator sends for events: receives, deletes, dead letters, hold reads and writes. */
    private static double usagePathRequests() {
        return requests("Sqs", "ReceiveMessage", null) + requests("Sqs", "DeleteMessageBatch", null)
                + requests("Sqs", "DeleteMessage", null) + requests("Sqs", "SendMessage", null)
                + requests("DynamoDb", "TransactWriteItems", null) + requests("DynamoDb", "BatchGetItem", null)
                + requests("DynamoDb", "GetItem", "tenants");
    }

    private static String breakdown() {
        StringBuilder text = new StringBuilder();
        REQUESTS.find(AwsRequestCounter.METER).counters().forEach(c -> text.append(c.getId().getTag("service"))
                .append(' ').append(c.getId().getTag("operation")).append(' ').append(c.getId().getTag("resource"))
                .append('=').append((long) c.count()).append("; "));
        return text.toString();
    }

    private static double requests(String service, String operation, String resourceOrNull) {
        var search = REQUESTS.find(AwsRequestCounter.METER).tag("service", service).tag("operation", operation);
        if (resourceOrNull != null) {
            search = search.tag("resource", resourceOrNull);
        }
        return search.counters().stream().mapToDouble(Counter::count).sum();
    }

    private String envelope(String source, ModelInvoked event) {
        return """
                {"version": "0", "id": "backlog", "detail-type": "%s", "source": "%s", "account": "000000000000",
                 "time": "2026-11-29T13:45:00Z", "region": "us-east-1", "resources": [], "detail": %s}
                """.formatted(ModelInvoked.DETAIL_TYPE, source, json.writeValueAsString(event));
    }

    private long rollup(String tenant, String attribute) {
        return IntStream.range(0, 4).mapToLong(shard -> {
            Map<String, AttributeValue> item = dynamoDb.getItem(g -> g.tableName("tenant-usage-rollups")
                    .consistentRead(true).key(Map.of("pk", AttributeValue.fromS(UsageRollupKeys.partition(
                            TenantId.of(tenant), Granularity.DAY, shard)), "sk", AttributeValue.fromS(
                            "2026-11-29#total")))).item();
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
            ElasticMqServer server = ElasticMqServer.start();
            try (var sqs = AwsClients.sqs(server.endpoint())) {
                Provisioner.createQueues(sqs);
            }
            return server;
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
