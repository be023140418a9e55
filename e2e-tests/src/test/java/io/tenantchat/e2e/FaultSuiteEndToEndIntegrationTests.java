package io.tenantchat.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tenantchat.localstack.AwsClients;
import io.tenantchat.localstack.bedrock.BedrockStandIn.Fault;
import io.tenantchat.localstack.bedrock.BedrockStandIn.Settings;
import io.tenantchat.localstack.launcher.LocalSystem;
import io.tenantchat.localstack.provision.TestUser;
import io.tenantchat.shared.ChatRequested;
import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The faults together, under concurrent load from three tenants: the worker is killed in the middle of streaming
 * (more than once), the model throttles 30 % of calls, EventBridge fails 20 % of entries, and every job is delivered
 * twice. Nothing accepted is lost, nothing is answered twice, usage is counted exactly once. Then a soak
 * ({@code -Dtenantchat.soak.duration}, default 30 s; {@code -Dtenantchat.soak.sample-every}, default 5 s) keeps the
 * faults on and samples the services' retained heap and the reply latency: neither may keep growing
 * ({@code -Dtenantchat.soak.max-heap-growth-mb-per-min}, default 15, for each service's heap after a full
 * collection; {@code -Dtenantchat.soak.max-latency-growth-ms-per-s}, default 50, for the reply latency). A line fitted
 * to seven samples shows a slope as well as one fitted to the six of the former 60 s at 10 s.
 *
 * <p>Runs on a system of its own kind ({@link SharedSystem.Kind#CRASH_TOLERANT}, shared with the pipeline tests):
 * it kills the worker, and a short visibility lease lets another take over within seconds.
 */
@Order(1)
@ResourceLock(SharedSystem.CRASH_TOLERANT_LOCK)
class FaultSuiteEndToEndIntegrationTests {

    @RegisterExtension
    static final SharedSystem SYSTEM = SharedSystem.of(SharedSystem.Kind.CRASH_TOLERANT);

    private static final Duration PATIENCE = Duration.ofMinutes(4);
    private static final int KILLS = Integer.getInteger("tenantchat.faults.kills", 2);
    private static final int SESSIONS_PER_TENANT = 4;
    private static final int MESSAGES_PER_WAVE = 2;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final double MAX_HEAP_GROWTH_MB_PER_MIN =
            Double.parseDouble(System.getProperty("tenantchat.soak.max-heap-growth-mb-per-min", "15"));
    private static final double MAX_LATENCY_GROWTH_MS_PER_S =
            Double.parseDouble(System.getProperty("tenantchat.soak.max-latency-growth-ms-per-s", "50"));

    static LocalSystem system;
    static ApiClient api;
    static Conversations chats;
    static TestUser operator;
    static final List<TestUser> users = new ArrayList<>();

    @BeforeAll
    static void switchFaultsOn() {
        system = SYSTEM.get();
        api = new ApiClient(system.apiBaseUrl());
        chats = new Conversations(api);
        for (String tenant : List.of("tenant-f1", "tenant-f2", "tenant-f3")) {
            users.add(system.user(tenant, "load@" + tenant + ".example"));
        }
        operator = system.operator("tenant-ops", "operator@tenant-ops.example");
        system.eventBridge().failEntriesRandomly(0.2);
    }

    @AfterAll
    static void switchFaultsOff() {
        system.eventBridge().failEntriesRandomly(0);
        system.bedrock().settings(Settings.defaults());
    }

    record Sent(TestUser user, String sessionId, String messageId) {
    }

    @Test
    void nothingIsLostOrDoubledWhileTheWorkerDiesTheModelThrottlesTheBusFailsAndJobsArriveTwice() throws Exception {
        system.bedrock().settings(Settings.defaults().withTokensPerSecond(20).withFault(Fault.throttleRandomly(0.3)));
        Map<String, TestUser> sessions = startSessions();
        List<Sent> sent = new ArrayList<>();
        Map<String, SocketClient> sockets = subscribeAll(sessions);
        int modelCallsBefore = system.bedrock().invocations();
        long started = System.nanoTime();

        for (int kill = 1; kill <= KILLS; kill++) {
            List<Sent> wave = sendWave(sessions);
            sent.addAll(wave);
            awaitSomeReplyStreaming(wave, sockets);
            system.restartWorker(); // SIGKILL, then a new worker
            System.out.printf("faults: worker killed mid-stream (%d of %d) with %d messages accepted%n", kill, KILLS,
                    sent.size());
        }
        sent.addAll(sendWave(sessions));
        redeliverEveryJob(sent);

        Map<String, String> finalStatus = awaitTerminal(sent);
        long elapsedMs = Duration.ofNanos(System.nanoTime() - started).toMillis();
        Map<String, Long> replies = assertExactlyOneReplyEach(sessions, sent);
        Map<String, Integer> completedFrames = completedFramesPerMessage(sockets, sent);
        UsageCheck usage = awaitExactUsage(sessions);
        sockets.values().forEach(SocketClient::close);

        long completed = finalStatus.values().stream().filter("completed"::equals).count();
        System.out.printf("""
                faults: %d accepted, %d completed, %d failed, %d terminal, in %d ms; %d model calls (30%% throttled), %d worker kills
                faults: stored replies per message: max %d, min %d; WebSocket 'completed' frames per message: max %d, min %d
                faults: usage per tenant (invocations/input/output) API totals %s = sum of raw rows %s; replies metered with their tokens: %d of %d
                """, sent.size(), completed, sent.size() - completed, finalStatus.size(), elapsedMs,
                system.bedrock().invocations() - modelCallsBefore, KILLS,
                replies.values().stream().mapToLong(Long::longValue).max().orElse(0),
                replies.values().stream().mapToLong(Long::longValue).min().orElse(0),
                completedFrames.values().stream().mapToInt(Integer::intValue).max().orElse(0),
                completedFrames.values().stream().mapToInt(Integer::intValue).min().orElse(0),
                usage.apiTotals(), usage.rawTotals(), usage.meteredReplies(), completed);

        assertThat(finalStatus).hasSize(sent.size());
        assertThat(finalStatus.values()).allMatch("completed"::equals);
        assertThat(replies.values()).allMatch(count -> count == 1);
        assertThat(completedFrames.values()).allMatch(count -> count == 1);
        assertThat(usage.apiTotals()).isEqualTo(usage.rawTotals());
        assertThat(usage.meteredReplies()).isEqualTo(sent.size());
    }

    @Test
    void soakKeepsHeapAndLatencyWithinBoundsWhileFaultsContinue() throws Exception {
        Duration duration = Duration.parse(System.getProperty("tenantchat.soak.duration", "PT30S"));
        Duration every = Duration.parse(System.getProperty("tenantchat.soak.sample-every", "PT5S"));
        system.bedrock().settings(Settings.defaults().withFault(Fault.throttleRandomly(0.3)));
        Map<String, TestUser> sessions = startSessions();

        Soak soak = new Soak(api, chats, List.copyOf(sessions.entrySet()), every,
                List.of(new Soak.Service("api", system.apiBaseUrl(), operator.idToken()),
                        new Soak.Service("worker", system.workerBaseUrl(), null),
                        new Soak.Service("aggregator", system.aggregatorBaseUrl(), null)));
        Soak.Report report = soak.run(duration, PATIENCE);
        System.out.print(report.table());

        assertThat(report.samples()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(report.lost()).as("soak messages that never completed").isZero();
        assertThat(report.sent()).isPositive();
        assertThat(report.heapGrowthMbPerMinute()).as("growth of each service's heap after a full GC, MB/min "
                + "(api, worker, aggregator)").allSatisfy(growth -> assertThat(growth)
                .isLessThanOrEqualTo(MAX_HEAP_GROWTH_MB_PER_MIN));
        assertThat(report.replies()).as("completed soak replies to fit a latency trend to").hasSizeGreaterThanOrEqualTo(5);
        assertThat(report.latencyGrowthMsPerSecond()).as("growth of the reply latency, ms per second of soak")
                .isLessThanOrEqualTo(MAX_LATENCY_GROWTH_MS_PER_S);
    }

    private static Map<String, TestUser> startSessions() {
        Map<String, TestUser> sessions = new HashMap<>();
        for (TestUser user : users) {
            for (int i = 0; i < SESSIONS_PER_TENANT; i++) {
                sessions.put(chats.startSession(user), user);
            }
        }
        return sessions;
    }

    private static Map<String, SocketClient> subscribeAll(Map<String, TestUser> sessions) {
        Map<String, SocketClient> sockets = new HashMap<>();
        sessions.forEach((session, user) -> {
            SocketClient socket = sockets.computeIfAbsent(user.tenantId(),
                    t -> SocketClient.connect(system.apiBaseUrl(), user.idToken()));
            socket.subscribe(session, null);
            socket.awaitFrame(f -> "subscribed".equals(SocketClient.type(f))
                    && session.equals(f.path("session_id").asString()));
        });
        return sockets;
    }

    /** {@code MESSAGES_PER_WAVE} messages to every session, from six concurrent senders; returns once all are accepted. */
    private static List<Sent> sendWave(Map<String, TestUser> sessions) throws Exception {
        List<Map.Entry<String, TestUser>> targets = new ArrayList<>(sessions.entrySet());
        ExecutorService senders = Executors.newFixedThreadPool(6);
        try {
            List<Future<Sent>> sending = new ArrayList<>();
            for (int round = 0; round < MESSAGES_PER_WAVE; round++) {
                for (Map.Entry<String, TestUser> target : targets) {
                    String text = "fault load " + round + " " + "word ".repeat(sending.size() % 5);
                    sending.add(senders.submit(() -> new Sent(target.getValue(), target.getKey(),
                            chats.send(target.getValue(), target.getKey(), text))));
                }
            }
            List<Sent> wave = new ArrayList<>();
            for (Future<Sent> future : sending) {
                wave.add(future.get());
            }
            return wave;
        } finally {
            senders.shutdown();
        }
    }

    /** Waits until the reply to some message of the wave is being streamed: a delta arrived, no completion yet. */
    private static void awaitSomeReplyStreaming(List<Sent> wave, Map<String, SocketClient> sockets) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50)).until(() -> wave.stream().anyMatch(s -> {
            List<String> types = SocketClient.types(sockets.get(s.user().tenantId()).framesOf(s.messageId()));
            return types.contains("delta") && !types.contains("completed");
        }));
    }

    /** Every job once more with a new deduplication id, as SQS at-least-once delivery may do. */
    private static void redeliverEveryJob(List<Sent> sent) {
        try (SqsClient sqs = AwsClients.sqs(system.sqsEndpoint())) {
            for (Sent s : sent) {
                ChatRequested job = new ChatRequested(MessageId.of(s.messageId()), TenantId.of(s.user().tenantId()),
                        UserId.of(s.user().userId()), SessionId.of(s.sessionId()), Instant.now());
                sqs.sendMessage(m -> m.queueUrl(system.queues().chatRequests()).messageBody(JSON.writeValueAsString(job))
                        .messageGroupId(job.messageGroupId()).messageDeduplicationId(s.messageId() + "-again"));
            }
        }
    }

    private static Map<String, String> awaitTerminal(List<Sent> sent) {
        Map<String, String> status = new ConcurrentHashMap<>();
        for (Sent s : sent) {
            JsonNode done = chats.awaitFinished(s.user(), s.messageId(), PATIENCE);
            status.put(s.messageId(), done.path("status").asString());
        }
        return status;
    }

    /** Stored assistant replies per accepted message id, after the duplicated jobs were handled. */
    private static Map<String, Long> assertExactlyOneReplyEach(Map<String, TestUser> sessions, List<Sent> sent) {
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).until(FaultSuiteEndToEndIntegrationTests::jobQueueDrained);
        Map<String, Long> replies = new HashMap<>();
        sent.forEach(s -> replies.put(s.messageId(), 0L));
        sessions.forEach((session, user) -> {
            for (JsonNode m : chats.messages(user, session)) {
                if ("assistant".equals(m.path("role").asString())) {
                    replies.merge(m.path("message_id").asString(), 1L, Long::sum);
                }
            }
        });
        assertThat(replies).hasSize(sent.size());
        return replies;
    }

    private static Map<String, Integer> completedFramesPerMessage(Map<String, SocketClient> sockets, List<Sent> sent) {
        Map<String, Integer> frames = new HashMap<>();
        for (Sent s : sent) {
            SocketClient socket = sockets.get(s.user().tenantId());
            socket.awaitFrame(f -> "completed".equals(SocketClient.type(f)) && s.messageId().equals(f.path("message_id").asString()));
            frames.put(s.messageId(), (int) socket.framesOf(s.messageId()).stream()
                    .filter(f -> "completed".equals(SocketClient.type(f))).count());
        }
        return frames;
    }

    record UsageCheck(Map<String, List<Long>> apiTotals, Map<String, List<Long>> rawTotals, long meteredReplies) {
    }

    /**
     * Once the usage queue is drained: each tenant's usage totals (API, from the rollups) equal the sum of its raw
     * usage rows (one per counted event id), and every stored reply has a raw row with exactly its tokens.
     */
    private static UsageCheck awaitExactUsage(Map<String, TestUser> sessions) {
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).until(FaultSuiteEndToEndIntegrationTests::usageQueueDrained);
        Map<String, List<Long>> apiTotals = new HashMap<>();
        Map<String, List<Long>> rawTotals = new HashMap<>();
        long metered = 0;
        try (DynamoDbClient dynamo = AwsClients.dynamoDb(system.dynamoDbEndpoint())) {
            for (TestUser user : users) {
                JsonNode totals = api.get("/api/tenants/" + user.tenantId() + "/usage", user.idToken()).json().path("totals");
                apiTotals.put(user.tenantId(), List.of(totals.path("invocations").asLong(),
                        totals.path("input_tokens").asLong(), totals.path("output_tokens").asLong()));
                List<Map<String, AttributeValue>> rows = new ArrayList<>();
                dynamo.queryPaginator(q -> q.tableName(system.tables().usage()).keyConditionExpression("tenant_id = :t")
                        .expressionAttributeValues(Map.of(":t", AttributeValue.fromS(user.tenantId())))).items()
                        .forEach(rows::add);
                rawTotals.put(user.tenantId(), List.of((long) rows.size(), sum(rows, "input_tokens"),
                        sum(rows, "output_tokens")));
                metered += meteredReplies(user, sessions, rows);
            }
        }
        return new UsageCheck(apiTotals, rawTotals, metered);
    }

    private static long meteredReplies(TestUser user, Map<String, TestUser> sessions,
            List<Map<String, AttributeValue>> rows) {
        long metered = 0;
        for (String session : sessions.keySet().stream().filter(s -> sessions.get(s) == user).toList()) {
            for (JsonNode m : chats.messages(user, session)) {
                if ("assistant".equals(m.path("role").asString())) {
                    String id = m.path("message_id").asString();
                    long in = m.path("usage").path("input_tokens").asLong();
                    long out = m.path("usage").path("output_tokens").asLong();
                    boolean found = rows.stream().anyMatch(r -> id.equals(r.get("message_id").s())
                            && in == Long.parseLong(r.get("input_tokens").n())
                            && out == Long.parseLong(r.get("output_tokens").n()));
                    metered += found ? 1 : 0;
                }
            }
        }
        return metered;
    }

    private static long sum(List<Map<String, AttributeValue>> rows, String name) {
        return rows.stream().filter(r -> r.containsKey(name)).mapToLong(r -> Long.parseLong(r.get(name).n())).sum();
    }

    private static boolean jobQueueDrained() {
        return drained(system.queues().chatRequests());
    }

    private static boolean usageQueueDrained() {
        return drained(system.queues().usageEvents());
    }

    private static boolean drained(String queueUrl) {
        try (SqsClient sqs = AwsClients.sqs(system.sqsEndpoint())) {
            return sqs.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes().values().stream()
                    .allMatch("0"::equals);
        }
    }
}
