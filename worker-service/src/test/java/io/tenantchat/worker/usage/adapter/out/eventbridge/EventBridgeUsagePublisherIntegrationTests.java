package io.tenantchat.worker.usage.adapter.out.eventbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.tenantchat.localstack.AwsClients;
import io.tenantchat.localstack.eventbridge.EventBridgeStandIn;
import io.tenantchat.localstack.provision.Provisioner;
import io.tenantchat.localstack.provision.QueueUrls;
import io.tenantchat.localstack.tracing.FixedTraceContext;
import io.tenantchat.localstack.sqs.ElasticMqServer;
import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.UserId;
import io.tenantchat.shared.usage.InvocationStatus;
import io.tenantchat.shared.usage.ModelInvoked;
import io.tenantchat.worker.usage.config.UsageProperties;
import io.tenantchat.worker.usage.application.UsageNotPublishedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EventBridgeUsagePublisherIntegrationTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static ElasticMqServer elasticMq;
    static SqsClient sqs;
    static QueueUrls queues;
    static EventBridgeStandIn eventBridge;
    static EventBridgeClient client;

    @BeforeAll
    static void start() {
        elasticMq = ElasticMqServer.start();
        sqs = AwsClients.sqs(elasticMq.endpoint());
        queues = Provisioner.createQueues(sqs);
        eventBridge = EventBridgeStandIn.start(elasticMq.endpoint());
        eventBridge.addRule("tenantchat-usage", ModelInvoked.SOURCE, ModelInvoked.DETAIL_TYPE, queues.usageEvents());
        client = EventBridgeClient.builder().endpointOverride(eventBridge.endpoint()).region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
    }

    @AfterAll
    static void stop() {
        client.close();
        eventBridge.close();
        elasticMq.close();
    }

    @AfterEach
    void drain() {
        eventBridge.refuseAllCalls(false);
        sqs.purgeQueue(p -> p.queueUrl(queues.usageEvents()));
    }

    @Test
    void publishesEveryEventInBatchesOfAtMostTen() {
        List<ModelInvoked> events = events(23);

        publisher(Duration.ofSeconds(5)).publish(events);

        assertThat(receivedEventIds(23)).containsExactlyInAnyOrderElementsOf(events.stream().map(ModelInvoked::eventId).toList());
    }

    @Test
    void carriesTheTraceContextInTheEventDetailBesideTheUsage() {
        ModelInvoked event = events(1).get(0);
        EventBridgeUsagePublisher publisher = new EventBridgeUsagePublisher(client, JSON, settings(Duration.ofSeconds(5)),
                FixedTraceContext.injecting());

        publisher.publish(List.of(event));

        List<JsonNode> details = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            for (Message m : sqs.receiveMessage(r -> r.queueUrl(queues.usageEvents()).waitTimeSeconds(1)).messages()) {
                details.add(JSON.readTree(m.body()).path("detail"));
            }
            return !details.isEmpty();
        });
        assertThat(details).singleElement().satisfies(detail -> {
            assertThat(detail.path("trace_context").path("traceparent").asString())
                    .isEqualTo(FixedTraceContext.TRACEPARENT);
            assertThat(JSON.treeToValue(detail, ModelInvoked.class)).isEqualTo(event);
        });
    }

    @Test
    void resendsOnlyTheEntriesEventBridgeRefused() {
        List<ModelInvoked> events = events(10);
        eventBridge.failNextEntries(3);

        publisher(Duration.ofSeconds(5)).publish(events);

        assertThat(receivedEventIds(10)).doesNotHaveDuplicates().hasSize(10);
    }

    @Test
    void losesNothingWhenTheBusRefusesEveryCallFor30Seconds() {
        List<ModelInvoked> events = events(3);
        eventBridge.refuseAllCalls(true);
        ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
        later.schedule(() -> eventBridge.refuseAllCalls(false), 30, TimeUnit.SECONDS);
        Instant started = Instant.now();

        publisher(Duration.ofSeconds(60)).publish(events);

        assertThat(Duration.between(started, Instant.now())).isGreaterThanOrEqualTo(Duration.ofSeconds(30));
        assertThat(receivedEventIds(3)).hasSize(3);
        later.shutdownNow();
    }

    @Test
    void reportsUsageAsNotPublishedWhenTheBudgetIsSpent() {
        eventBridge.refuseAllCalls(true);

        assertThatThrownBy(() -> publisher(Duration.ofSeconds(2)).publish(events(1)))
                .isInstanceOf(UsageNotPublishedException.class);
    }

    private static EventBridgeUsagePublisher publisher(Duration budget) {
        return new EventBridgeUsagePublisher(client, JSON, settings(budget));
    }

    private static UsageProperties settings(Duration budget) {
        return new UsageProperties("tenantchat-usage", null, budget, Duration.ofMillis(100), Duration.ofSeconds(2),
                Map.of());
    }

    private static List<String> receivedEventIds(int expected) {
        List<String> ids = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            for (Message m : sqs.receiveMessage(r -> r.queueUrl(queues.usageEvents()).maxNumberOfMessages(10)
                    .waitTimeSeconds(1)).messages()) {
                JsonNode envelope = JSON.readTree(m.body());
                assertThat(envelope.path("detail-type").asString()).isEqualTo("ModelInvoked");
                ids.add(envelope.path("detail").path("event_id").asString());
                sqs.deleteMessage(d -> d.queueUrl(queues.usageEvents()).receiptHandle(m.receiptHandle()));
            }
            return ids.size() >= expected;
        });
        return ids;
    }

    private static List<ModelInvoked> events(int count) {
        return IntStream.range(0, count).mapToObj(i -> {
            MessageId id = MessageId.next(Clock.systemUTC());
            return new ModelInvoked(ModelInvoked.eventIdOf(id, 1), TenantId.of("tenant-001"), UserId.of("alice"),
                    SessionId.random(), id, 1, "m", null, 10L, 5L, null, null, 100, Instant.now(),
                    InvocationStatus.COMPLETED, null);
        }).toList();
    }
}
