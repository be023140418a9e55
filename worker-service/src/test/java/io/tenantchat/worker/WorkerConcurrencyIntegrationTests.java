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
import io.tenantchat.shared.JobHold;
import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.TenantId;
import io.tenantchat.worker.support.StoredItems;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import tools.jackson.databind.json.JsonMapper;

/**
 * One worker holds {@value #JOBS} slow streams at once (the model stand-in waits 25 s for the first token) and
 * stores each reply exactly once, with the AWS requests per message of the execution model: one claim, one history
 * Query and one completion transaction each, no read of the message or its hold, the tenant's plan and profile read
 * once per tenant (one Query; every job here is another tenant's), and receives, deletes, lease renewals and usage
 * PutEvents shared across jobs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "spring.cloud.aws.sqs.listener.poll-timeout=5s", "tenantchat.model.max-tokens=20",
        "tenantchat.worker.max-in-flight=600"})
@ActiveProfiles("local")
@Import(WorkerFlowIntegrationTests.StandIns.class)
@DirtiesContext
class WorkerConcurrencyIntegrationTests {

    static final int JOBS = 500;
    private static final String TENANTS = "tenants";
    private static final List<String> PER_JOB = List.of("UpdateItem", "TransactWriteItems");
    private static final List<String> SHARED = List.of("ReceiveMessage", "DeleteMessageBatch",
            "ChangeMessageVisibilityBatch", "PutEvents");

    @Autowired DynamoDbClient dynamoDb;
    @Autowired ElasticMqServer elasticMq;
    @Autowired BedrockStandIn bedrock;
    @Autowired JsonMapper jsonMapper;

    private final SimpleMeterRegistry requests = new SimpleMeterRegistry();
    private SqsClient sqs;

    @BeforeEach
    void connect() {
        sqs = AwsClients.sqs(elasticMq.endpoint());
        Metrics.addRegistry(requests);
    }

    @AfterEach
    void disconnect() {
        Metrics.removeRegistry(requests);
        bedrock.settings(BedrockStandIn.Settings.defaults());
        sqs.close();
    }

    @Test
    void holdsFiveHundredSlowStreamsAtOnceAndStoresEachReplyOnceWithAFewRequestsPerMessage() throws Exception {
        // every stream waits 25 s for its first token, so all of them are open at once even on a loaded CI machine
        bedrock.settings(BedrockStandIn.Settings.defaults().withTimeToFirstToken(Duration.ofSeconds(25))
                .withTokensPerSecond(10));
        bedrock.takePeakOpenStreams();
        List<Admitted> admitted = admitAll();
        Map<String, Double> before = counts();
        int invocationsBefore = bedrock.invocations();

        long sent = System.nanoTime();
        sendAll(admitted);

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> completed(admitted) == JOBS);
        Map<String, Double> used = minus(counts(), before);
        int peak = bedrock.takePeakOpenStreams();
        System.out.printf("peak open streams %d, all stored %d s after sending; AWS requests per message %s%n", peak,
                Duration.ofNanos(System.nanoTime() - sent).toSeconds(), perMessage(used));

        assertThat(peak).as("streams open at once in one worker").isGreaterThanOrEqualTo(JOBS);
        // a job delivered twice (its lease lapsed on an overloaded machine) may stream twice; it is stored once
        int modelCalls = bedrock.invocations() - invocationsBefore;
        assertThat(modelCalls).as("model calls").isBetween(JOBS, JOBS + JOBS / 20);
        for (Admitted job : admitted) {
            assertThat(job.items().sessionMessageCount()).as("reply stored once").isEqualTo(2);
            assertThat(live(job.items().tenant).get("inflight").n()).as("slot given back once").isEqualTo("0");
        }
        PER_JOB.forEach(op -> assertThat(used.getOrDefault(op, 0.0) / JOBS).as(op).isBetween(1.0, 1.05));
        // the history Query of each job, and its tenant's plan and profile (one Query per tenant per cache period,
        // which gives the cap too); a job streamed twice reads its history again, and its tenant's settings again
        // when their cache time ran out meanwhile
        int streamedTwice = modelCalls - JOBS;
        assertThat(used.getOrDefault("Query", 0.0)).as("Query").isBetween(2.0 * JOBS, 2.0 * JOBS + 2 * streamedTwice);
        // no read of the message, its hold or the plan's cap on its own
        assertThat(used.getOrDefault("GetItem", 0.0)).as("GetItem").isZero();
        double shared = SHARED.stream().mapToDouble(op -> used.getOrDefault(op, 0.0)).sum();
        // one of each per job (the old model) would be 4 or more; batches fill with the completion rate (bench: ADR 005)
        assertThat(shared / JOBS).as("receive, delete, lease and usage per message").isLessThan(1.0);
    }

    /** As api-service leaves an admitted message: session, queued message, hold and live counter of its tenant. */
    private List<Admitted> admitAll() throws Exception {
        try (ExecutorService writers = Executors.newFixedThreadPool(16)) {
            List<Future<Admitted>> futures = new ArrayList<>();
            for (int i = 0; i < JOBS; i++) {
                TenantId tenant = TenantId.of("tenant-c%03d".formatted(i));
                futures.add(writers.submit(() -> admit(tenant)));
            }
            List<Admitted> admitted = new ArrayList<>();
            for (Future<Admitted> future : futures) {
                admitted.add(future.get());
            }
            return admitted;
        }
    }

    private Admitted admit(TenantId tenant) {
        StoredItems items = new StoredItems(dynamoDb, tenant).withSession(1);
        MessageId id = items.userMessage("Tell me a slow story, please.", "queued");
        Map<String, AttributeValue> hold = new HashMap<>(key(tenant, "hold#" + id.value()));
        hold.putAll(Map.of("session_id", s(items.session.value()), "month", s("2026-12"), "in_flight", n(1),
                "reserved", n(100)));
        dynamoDb.putItem(p -> p.tableName(TENANTS).item(hold));
        Map<String, AttributeValue> live = new HashMap<>(key(tenant, "live"));
        live.putAll(Map.of("inflight", n(1), "sessions", AttributeValue.fromM(Map.of(items.session.value(), n(1)))));
        dynamoDb.putItem(p -> p.tableName(TENANTS).item(live));
        return new Admitted(items, id);
    }

    private void sendAll(List<Admitted> admitted) {
        String queueUrl = sqs.getQueueUrl(r -> r.queueName(Provisioner.CHAT_REQUESTS)).queueUrl();
        for (int from = 0; from < admitted.size(); from += 10) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (Admitted job : admitted.subList(from, Math.min(admitted.size(), from + 10))) {
                StoredItems items = job.items();
                ChatRequested carried = new ChatRequested(job.id(), items.tenant, items.user, items.session,
                        Instant.now()).carrying("Tell me a slow story, please.", 1,
                                new JobHold(true, 100L, "2026-12", null));
                entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(entries.size()))
                        .messageBody(jsonMapper.writeValueAsString(carried))
                        .messageGroupId(carried.messageGroupId()).messageDeduplicationId(job.id().value()).build());
            }
            sqs.sendMessageBatch(r -> r.queueUrl(queueUrl).entries(entries));
        }
    }

    /** Completed user messages of these tenants, counted with a Scan (an operation the worker never sends). */
    private long completed(List<Admitted> admitted) {
        return dynamoDb.scanPaginator(r -> r.tableName(StoredItems.MESSAGES).select("COUNT")
                .filterExpression("#status = :completed AND begins_with(tenant_id, :prefix) AND #role = :user")
                .expressionAttributeNames(Map.of("#status", "status", "#role", "role"))
                .expressionAttributeValues(Map.of(":completed", s("completed"), ":prefix", s("tenant-c"),
                        ":user", s("user")))).stream().mapToLong(page -> page.count()).sum();
    }

    private Map<String, AttributeValue> live(TenantId tenant) {
        return dynamoDb.getItem(g -> g.tableName(TENANTS).key(key(tenant, "live")).consistentRead(true)).item();
    }

    private Map<String, Double> counts() {
        Map<String, Double> byOperation = new TreeMap<>();
        for (Counter counter : requests.find("tenantchat.aws.requests").counters()) {
            byOperation.merge(counter.getId().getTag("operation"), counter.count(), Double::sum);
        }
        return byOperation;
    }

    private static Map<String, Double> minus(Map<String, Double> after, Map<String, Double> before) {
        Map<String, Double> used = new TreeMap<>();
        after.forEach((op, count) -> used.put(op, count - before.getOrDefault(op, 0.0)));
        return used;
    }

    private static String perMessage(Map<String, Double> used) {
        Map<String, String> per = new TreeMap<>();
        used.forEach((op, count) -> per.put(op, "%.3f".formatted(count / JOBS)));
        return per.toString();
    }

    private static Map<String, AttributeValue> key(TenantId tenant, String sk) {
        return Map.of("tenant_id", s(tenant.value()), "sk", s(sk));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private record Admitted(StoredItems items, MessageId id) {
    }
}
