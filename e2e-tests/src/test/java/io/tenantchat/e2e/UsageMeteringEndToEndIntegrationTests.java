package io.tenantchat.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tenantchat.localstack.launcher.LocalSystem;
import io.tenantchat.localstack.provision.TestUser;
import io.tenantchat.shared.ChatRequested;
import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.UserId;
import io.tenantchat.shared.audit.AuditChain;
import io.tenantchat.shared.audit.AuditEntry;
import io.tenantchat.shared.usage.Granularity;
import io.tenantchat.shared.usage.InvocationStatus;
import io.tenantchat.shared.usage.UsageRollupKeys;
import io.tenantchat.shared.usage.ModelInvoked;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code -Dtenantchat.e2e.metering-chats} (default 300) chats across three tenants, 100 of them with duplicated job
 * deliveries, and one full replay of every usage event: each tenant's usage totals equal exactly the tokens the
 * model stand-in reported for its replies. 300 chats from eight concurrent senders over 18 sessions keep every
 * rollup shard under concurrent conditional writes, a third of the jobs twice on the queue and every event
 * replayed; 1,000 (the count before) tested the same paths with more repetitions of each.
 */
@Order(7)
@ResourceLock(SharedSystem.DEFAULT_LOCK)
class UsageMeteringEndToEndIntegrationTests {

    @RegisterExtension
    static final SharedSystem SYSTEM = SharedSystem.of(SharedSystem.Kind.DEFAULT);

    @RegisterExtension
    static final FastModel FAST_MODEL = new FastModel(SYSTEM);

    private static final int CHATS = Integer.getInteger("tenantchat.e2e.metering-chats", 300);
    private static final int REDELIVERED = 100;
    private static final int SESSIONS_PER_TENANT = 6;
    private static final Duration PATIENCE = Duration.ofMinutes(6);
    private static final Path REPO_ROOT = Path.of("").toAbsolutePath().getParent();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static LocalSystem system;
    static ApiClient api;
    static Conversations chats;
    static final List<TestUser> users = new ArrayList<>();

    @BeforeAll
    static void signIn() {
        system = SYSTEM.get();
        api = new ApiClient(system.apiBaseUrl());
        chats = new Conversations(api);
        for (String tenant : List.of("tenant-m1", "tenant-m2", "tenant-m3")) {
            users.add(system.user(tenant, "meter@" + tenant + ".example"));
        }
    }

    @Test
    void totalsEqualTheReportedTokensThroughDuplicatesAndAFullReplay() throws Exception {
        Map<String, List<String>> sessionsByTenant = startSessions();
        List<Sent> sent = sendChats(sessionsByTenant);
        redeliverJobs(sent.subList(0, Math.min(REDELIVERED, sent.size())));
        Map<String, long[]> expected = awaitRepliesAndSumTokens(sessionsByTenant);

        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> assertTotals(expected));
        long duplicatesBefore = duplicateUsageEvents();
        int replayed = replayEveryUsageEvent();
        // every replayed event reached the aggregator and was recognised as one already counted (only this test
        // replays usage events on the shared system), then the totals are still exact
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1))
                .until(() -> duplicateUsageEvents() - duplicatesBefore >= replayed);
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).until(UsageMeteringEndToEndIntegrationTests::usageQueueDrained);

        assertTotals(expected);
        assertThat(expected.values().stream().mapToLong(totals -> totals[0]).sum()).isEqualTo(CHATS);
    }

    @Test
    void opsReaggregateRepairsCorruptedRollupsFromTheRawRows(@TempDir Path stackRoot) throws Exception {
        TestUser user = system.user("tenant-m4", "meter@tenant-m4.example");
        String sessionId = chats.startSession(user);
        for (int i = 0; i < 3; i++) {
            chats.send(user, sessionId, "reaggregate me " + i);
        }
        long[] expected = awaitRepliesAndSumTokens(List.of(user), Map.of(user.tenantId(), List.of(sessionId)))
                .get(user.tenantId());
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> assertTotals(user, expected));
        assertThat(corruptRollups(user.tenantId(), 1_000)).isPositive();
        assertThat(totals(user).path("input_tokens").asLong()).isNotEqualTo(expected[1]);

        YearMonth month = YearMonth.now(ZoneOffset.UTC);
        Path output = system.logDir().resolve("ops-reaggregate.log");
        ProcessBuilder command = new ProcessBuilder("bash", "scripts/ops.sh", "reaggregate", "--tenant", user.tenantId(),
                "--from", month.minusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).toString(),
                "--to", month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).toString())
                .directory(REPO_ROOT.toFile()).redirectErrorStream(true).redirectOutput(output.toFile());
        command.environment().put("TENANTCHAT_STACK_FILE", system.writeStackFile(stackRoot).toString());
        Process ops = command.start();
        assertThat(ops.waitFor(3, TimeUnit.MINUTES)).as("ops.sh reaggregate finished").isTrue();

        assertThat(ops.exitValue()).as(Files.readString(output)).isZero();
        assertThat(Files.readString(output)).contains("Re-aggregated usage of tenant tenant-m4");
        assertTotals(user, expected);
        List<AuditEntry> audit = auditTrail(user.tenantId());
        assertThat(audit).as("the run is recorded in the tenant's audit trail").last().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("usage.reaggregated");
            assertThat(entry.actor()).startsWith("ops-cli/");
            assertThat(Integer.parseInt(entry.after().get("items_corrected"))).isPositive();
        });
        assertThat(AuditChain.verify(TenantId.of(user.tenantId()), audit).intact()).isTrue();
    }

    /** The tenant's audit entries in order, read from the table as api-service lays it out. */
    private static List<AuditEntry> auditTrail(String tenant) {
        try (DynamoDbClient dynamo = io.tenantchat.localstack.AwsClients.dynamoDb(system.dynamoDbEndpoint())) {
            return dynamo.query(q -> q.tableName("tenant-audit").keyConditionExpression("tenant_id = :t")
                    .expressionAttributeValues(Map.of(":t", AttributeValue.fromS(tenant)))).items().stream()
                    .map(item -> new AuditEntry(TenantId.of(item.get("tenant_id").s()), Long.parseLong(item.get("seq").n()),
                            item.get("actor").s(), item.get("action").s(), item.get("target").s(), strings(item.get("before")),
                            strings(item.get("after")), Instant.parse(item.get("at").s()), item.get("request_id").s(),
                            item.get("prev_hash").s(), item.get("hash").s()))
                    .toList();
        }
    }

    private static Map<String, String> strings(AttributeValue map) {
        Map<String, String> values = new java.util.TreeMap<>();
        map.m().forEach((key, value) -> values.put(key, value.s()));
        return values;
    }

    /** Adds {@code inputTokens} to every rollup item of the tenant, as a bug or a bad manual fix might. */
    private static int corruptRollups(String tenant, long inputTokens) {
        int corrupted = 0;
        try (DynamoDbClient dynamo = io.tenantchat.localstack.AwsClients.dynamoDb(system.dynamoDbEndpoint())) {
            for (Granularity granularity : Granularity.values()) {
                for (int shard = 0; shard < 4; shard++) {
                    String pk = UsageRollupKeys.partition(TenantId.of(tenant), granularity, shard);
                    for (Map<String, AttributeValue> item : dynamo.query(q -> q.tableName(system.tables().usageRollups())
                            .keyConditionExpression("pk = :pk")
                            .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk)))).items()) {
                        dynamo.updateItem(u -> u.tableName(system.tables().usageRollups())
                                .key(Map.of("pk", item.get("pk"), "sk", item.get("sk")))
                                .updateExpression("ADD input_tokens :n")
                                .expressionAttributeValues(Map.of(":n", AttributeValue.fromN(Long.toString(inputTokens)))));
                        corrupted++;
                    }
                }
            }
        }
        return corrupted;
    }

    private record Sent(TestUser user, String sessionId, String messageId) {
    }

    private static Map<String, List<String>> startSessions() {
        Map<String, List<String>> sessions = new HashMap<>();
        for (TestUser user : users) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < SESSIONS_PER_TENANT; i++) {
                ids.add(chats.startSession(user));
            }
            sessions.put(user.tenantId(), ids);
        }
        return sessions;
    }

    private static List<Sent> sendChats(Map<String, List<String>> sessions) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Sent>> futures = new ArrayList<>();
        for (int i = 0; i < CHATS; i++) {
            TestUser user = users.get(i % users.size());
            String sessionId = sessions.get(user.tenantId()).get((i / users.size()) % SESSIONS_PER_TENANT);
            String text = "chat number " + i + " " + "word ".repeat(i % 7);
            futures.add(pool.submit(() -> new Sent(user, sessionId, chats.send(user, sessionId, text))));
        }
        List<Sent> sent = new ArrayList<>();
        for (Future<Sent> future : futures) {
            sent.add(future.get());
        }
        pool.shutdown();
        return sent;
    }

    /** The same jobs again with new deduplication ids, as SQS at-least-once delivery may do. */
    private static void redeliverJobs(List<Sent> sent) {
        try (SqsClient sqs = io.tenantchat.localstack.AwsClients.sqs(system.sqsEndpoint())) {
            for (Sent s : sent) {
                ChatRequested job = new ChatRequested(MessageId.of(s.messageId()), TenantId.of(s.user().tenantId()),
                        UserId.of(s.user().userId()), SessionId.of(s.sessionId()), Instant.now());
                sqs.sendMessage(m -> m.queueUrl(system.queues().chatRequests()).messageBody(JSON.writeValueAsString(job))
                        .messageGroupId(job.messageGroupId()).messageDeduplicationId(s.messageId() + "-again"));
            }
        }
    }

    /** Per tenant: {replies, input tokens, output tokens} as the conversations report them. */
    private static Map<String, long[]> awaitRepliesAndSumTokens(Map<String, List<String>> sessions) {
        return awaitRepliesAndSumTokens(users, sessions);
    }

    private static Map<String, long[]> awaitRepliesAndSumTokens(List<TestUser> of, Map<String, List<String>> sessions) {
        Map<String, long[]> totals = new HashMap<>();
        for (TestUser user : of) {
            long[] sum = new long[3];
            for (String sessionId : sessions.get(user.tenantId())) {
                JsonNode messages = await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1))
                        .until(() -> chats.messages(user, sessionId), UsageMeteringEndToEndIntegrationTests::allAnswered);
                for (JsonNode m : messages) {
                    if ("assistant".equals(m.path("role").asString())) {
                        sum[0]++;
                        sum[1] += m.path("usage").path("input_tokens").asLong();
                        sum[2] += m.path("usage").path("output_tokens").asLong();
                    }
                }
            }
            totals.put(user.tenantId(), sum);
        }
        return totals;
    }

    private static boolean allAnswered(JsonNode messages) {
        int users = 0;
        int replies = 0;
        for (JsonNode m : messages) {
            if ("user".equals(m.path("role").asString())) {
                users++;
                assertThat(m.path("status").asString()).isNotEqualTo("failed");
            } else {
                replies++;
            }
        }
        return users > 0 && users == replies;
    }

    private static void assertTotals(Map<String, long[]> expected) {
        for (TestUser user : users) {
            assertTotals(user, expected.get(user.tenantId()));
        }
    }

    private static void assertTotals(TestUser user, long[] want) {
        JsonNode totals = totals(user);
        assertThat(totals.path("invocations").asLong()).as(user.tenantId() + " invocations").isEqualTo(want[0]);
        assertThat(totals.path("input_tokens").asLong()).as(user.tenantId() + " input tokens").isEqualTo(want[1]);
        assertThat(totals.path("output_tokens").asLong()).as(user.tenantId() + " output tokens").isEqualTo(want[2]);
    }

    private static JsonNode totals(TestUser user) {
        return api.get("/api/tenants/" + user.tenantId() + "/usage", user.idToken()).json().path("totals");
    }

    /** The aggregator's count of usage events it received and found already counted. */
    private static long duplicateUsageEvents() {
        ApiClient.Response meter = new ApiClient(system.aggregatorBaseUrl())
                .get("/actuator/metrics/tenantchat.usage.events?tag=result:duplicate", null);
        return meter.status() == 404 ? 0 : (long) meter.json().path("measurements").get(0).path("value").asDouble();
    }

    /** Every raw usage row, rebuilt into its event and put on the bus again (an archive replay); returns how many. */
    private static int replayEveryUsageEvent() {
        List<ModelInvoked> events = new ArrayList<>();
        try (DynamoDbClient dynamo = io.tenantchat.localstack.AwsClients.dynamoDb(system.dynamoDbEndpoint())) {
            for (TestUser user : users) {
                dynamo.queryPaginator(q -> q.tableName(system.tables().usage()).keyConditionExpression("tenant_id = :t")
                        .expressionAttributeValues(Map.of(":t", AttributeValue.fromS(user.tenantId()))))
                        .items().forEach(row -> events.add(eventOf(row)));
            }
        }
        assertThat(events).hasSize(CHATS);
        try (EventBridgeClient eventBridge = EventBridgeClient.builder().endpointOverride(system.eventBridgeEndpoint())
                .region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build()) {
            for (int from = 0; from < events.size(); from += 10) {
                List<PutEventsRequestEntry> batch = events.subList(from, Math.min(events.size(), from + 10)).stream()
                        .map(e -> PutEventsRequestEntry.builder().eventBusName("tenantchat-usage").source(ModelInvoked.SOURCE)
                                .detailType(ModelInvoked.DETAIL_TYPE).detail(JSON.writeValueAsString(e)).build())
                        .toList();
                assertThat(eventBridge.putEvents(r -> r.entries(batch)).failedEntryCount()).isZero();
            }
        }
        return events.size();
    }

    private static ModelInvoked eventOf(Map<String, AttributeValue> row) {
        String eventId = row.get("event_id").s();
        MessageId messageId = MessageId.of(row.get("message_id").s());
        return new ModelInvoked(eventId, TenantId.of(row.get("tenant_id").s()), UserId.of(row.get("user_id").s()),
                SessionId.of(row.get("session_id").s()), messageId,
                Integer.parseInt(eventId.substring(eventId.indexOf('#') + 1)), row.get("model_id").s(), null,
                number(row, "input_tokens"), number(row, "output_tokens"), null, null,
                Long.parseLong(row.get("latency_ms").n()), Instant.parse(row.get("invocation_time").s()),
                InvocationStatus.fromWire(row.get("status").s()),
                row.containsKey("cost_usd") ? new BigDecimal(row.get("cost_usd").n()) : null);
    }

    private static Long number(Map<String, AttributeValue> row, String name) {
        return row.containsKey(name) ? Long.parseLong(row.get(name).n()) : null;
    }

    private static boolean usageQueueDrained() {
        try (SqsClient sqs = io.tenantchat.localstack.AwsClients.sqs(system.sqsEndpoint())) {
            return sqs.getQueueAttributes(r -> r.queueUrl(system.queues().usageEvents()).attributeNames(
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes().values().stream()
                    .allMatch("0"::equals);
        }
    }
}
