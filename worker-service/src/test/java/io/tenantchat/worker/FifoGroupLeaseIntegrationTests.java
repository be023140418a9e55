package io.tenantchat.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tenantchat.localstack.AwsClients;
import io.tenantchat.localstack.bedrock.BedrockStandIn;
import io.tenantchat.localstack.provision.Provisioner;
import io.tenantchat.localstack.sqs.ElasticMqServer;
import io.tenantchat.shared.ChatRequested;
import io.tenantchat.shared.MessageId;
import io.tenantchat.worker.support.StoredItems;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Messages of one FIFO group received together wait for each other in the worker; the lease keeper holds them from
 * their receipt, so a message waiting behind a long one keeps its lease (it never becomes visible to another
 * worker), and waiting costs no visibility request of its own (spring-cloud-aws's FIFO extender sent one
 * {@code ChangeMessageVisibilityBatch} before each waiting message started).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "spring.cloud.aws.sqs.listener.poll-timeout=1s", "tenantchat.worker.visibility.lease-seconds=" + FifoGroupLeaseIntegrationTests.LEASE,
        "tenantchat.worker.visibility.heartbeat-seconds=" + FifoGroupLeaseIntegrationTests.HEARTBEAT})
@ActiveProfiles("local")
@Import(WorkerFlowIntegrationTests.StandIns.class)
@DirtiesContext
class FifoGroupLeaseIntegrationTests {

    static final int LEASE = 4;
    static final int HEARTBEAT = 2;

    @Autowired DynamoDbClient dynamoDb;
    @Autowired ElasticMqServer elasticMq;
    @Autowired BedrockStandIn bedrock;
    @Autowired JsonMapper jsonMapper;

    private final SimpleMeterRegistry requests = new SimpleMeterRegistry();
    private SqsClient sqs;
    private String queueUrl;

    @BeforeEach
    void connect() {
        sqs = AwsClients.sqs(elasticMq.endpoint());
        queueUrl = sqs.getQueueUrl(r -> r.queueName(Provisioner.CHAT_REQUESTS)).queueUrl();
        Metrics.addRegistry(requests);
    }

    @AfterEach
    void disconnect() {
        Metrics.removeRegistry(requests);
        bedrock.settings(BedrockStandIn.Settings.defaults());
        sqs.close();
    }

    @Test
    void aMessageWaitingBehindALongOneOfItsGroupKeepsItsLeaseAndIsAnsweredOnce() {
        Duration slow = Duration.ofSeconds(LEASE + 3);
        bedrock.settings(BedrockStandIn.Settings.defaults().withTimeToFirstToken(slow));
        StoredItems items = new StoredItems(dynamoDb).withSession(3);
        List<MessageId> ids = List.of(items.userMessage("first", "queued"), items.userMessage("second", "queued"),
                items.userMessage("third", "queued"));
        int invocations = bedrock.invocations();

        // the second and third arrive while the first runs: the group hands them to the worker in one receive
        send(items, ids.subList(0, 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> "processing".equals(status(items, ids.get(0))));
        send(items, ids.subList(1, 3));
        await().atMost(Duration.ofSeconds(30)).until(() -> "processing".equals(status(items, ids.get(1))));

        // the third waits a whole slow reply, longer than its lease: it must stay leased, not become visible
        await().during(slow.minusSeconds(1)).atMost(slow.plusSeconds(5)).pollInterval(Duration.ofMillis(250))
                .until(() -> visibleMessages() == 0 || !"queued".equals(status(items, ids.get(2))));
        assertThat(status(items, ids.get(2))).as("third still waits behind the second").isEqualTo("queued");

        await().atMost(Duration.ofSeconds(60)).until(() -> ids.stream()
                .allMatch(id -> "completed".equals(status(items, id))) && queueIsDrained());
        assertThat(bedrock.invocations() - invocations).as("one model call each").isEqualTo(3);
        assertThat(items.sessionMessageCount()).as("each reply stored once").isEqualTo(6);
    }

    @Test
    void messagesWaitingForTheirGroupCostNoVisibilityRequestOfTheirOwn() {
        bedrock.settings(BedrockStandIn.Settings.defaults().withTimeToFirstToken(Duration.ofSeconds(1)));
        StoredItems items = new StoredItems(dynamoDb).withSession(10);
        List<MessageId> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ids.add(items.userMessage("message " + i, "queued"));
        }
        double before = visibilityRequests();
        long start = System.nanoTime();

        send(items, ids.subList(0, 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> "processing".equals(status(items, ids.get(0))));
        bedrock.settings(BedrockStandIn.Settings.defaults());
        // nine messages of the group arrive while the first runs and are then received together
        send(items, ids.subList(1, 10));
        await().atMost(Duration.ofSeconds(60)).until(() -> ids.stream()
                .allMatch(id -> "completed".equals(status(items, id))));

        double used = visibilityRequests() - before;
        long heartbeats = Duration.ofNanos(System.nanoTime() - start).toSeconds() / HEARTBEAT;
        System.out.printf("ten messages of one group: %.0f ChangeMessageVisibilityBatch calls in %d heartbeats%n", used,
                heartbeats);
        // the lease keeper renews every held job due at a tick in one call: at most one call per heartbeat for a
        // receive (and one for the first job); the extender sent one before each of the eight later messages
        assertThat(used).as("ChangeMessageVisibilityBatch calls").isLessThanOrEqualTo(heartbeats + 2);
        assertThat(used).as("fewer than one per waiting message").isLessThan(8);
    }

    private void send(StoredItems items, List<MessageId> ids) {
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (MessageId id : ids) {
            entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(entries.size()))
                    .messageBody(jsonMapper.writeValueAsString(
                            new ChatRequested(id, items.tenant, items.user, items.session, Instant.now())))
                    .messageGroupId(items.partition()).messageDeduplicationId(id.value()).build());
        }
        sqs.sendMessageBatch(r -> r.queueUrl(queueUrl).entries(entries));
    }

    private static String status(StoredItems items, MessageId id) {
        return items.messageItem(id, "#1").get("status").s();
    }

    private int visibleMessages() {
        return Integer.parseInt(sqs.getQueueAttributes(r -> r.queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
                .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
    }

    private boolean queueIsDrained() {
        var attributes = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return attributes.values().stream().allMatch("0"::equals);
    }

    private double visibilityRequests() {
        return requests.find("tenantchat.aws.requests").tag("operation", "ChangeMessageVisibilityBatch").counters()
                .stream().mapToDouble(Counter::count).sum();
    }
}
