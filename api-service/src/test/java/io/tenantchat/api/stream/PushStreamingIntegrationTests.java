package io.tenantchat.api.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import com.nimbusds.jose.jwk.RSAKey;
import io.lettuce.core.KillArgs;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tenantchat.api.security.JwksServer;
import io.tenantchat.api.security.TestTokens;
import io.tenantchat.awsmetrics.AwsRequestCounter;
import io.tenantchat.localstack.AwsClients;
import io.tenantchat.localstack.dynamodb.DynoxideServer;
import io.tenantchat.localstack.provision.Provisioner;
import io.tenantchat.localstack.provision.TableNames;
import io.tenantchat.localstack.redis.RedisServer;
import io.tenantchat.localstack.sqs.ElasticMqServer;
import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.stream.ReplyCompleted;
import io.tenantchat.shared.stream.ReplyDelta;
import io.tenantchat.shared.stream.ReplyUsage;
import io.tenantchat.shared.stream.StreamEvent;
import io.tenantchat.shared.stream.StreamChannels;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.json.JsonMapper;

/**
 * api-service with Redis against dynoxide, ElasticMQ and redis-server, counted with the project's AWS request
 * counter: subscribed sockets cost DynamoDB reads when they subscribe and when Redis reconnects, never while idle;
 * a socket that does not read is closed without delaying another socket on the same instance.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PushStreamingIntegrationTests {

    private static final RSAKey KEY = TestTokens.newKey("push-key-1");
    private static final TestTokens TOKENS = new TestTokens(KEY);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TENANT = "tenant-push";
    /** Counts every AWS request of this JVM (the SDK's global interceptor counts into the global registry). */
    private static final SimpleMeterRegistry REQUESTS = new SimpleMeterRegistry();
    private static final DynoxideServer DYNOXIDE = DynoxideServer.start(null);
    private static final ElasticMqServer SQS = ElasticMqServer.start();
    private static final RedisServer REDIS = RedisServer.start();
    private static final JwksServer JWKS = JwksServer.start(KEY);
    private static final RedisClient REDIS_CLIENT = RedisClient.create(REDIS.uri().toString());
    private static final StatefulRedisConnection<String, String> PUBLISHER = REDIS_CLIENT.connect();
    private static final MessageId MESSAGE = MessageId.next(Clock.systemUTC());

    static {
        Metrics.globalRegistry.add(REQUESTS);
        Provisioner.createTables(AwsClients.dynamoDb(DYNOXIDE.endpoint()), TableNames.defaults());
        Provisioner.createQueues(AwsClients.sqs(SQS.endpoint()));
    }

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void standIns(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.aws.dynamodb.endpoint", () -> DYNOXIDE.endpoint().toString());
        registry.add("spring.cloud.aws.sqs.endpoint", () -> SQS.endpoint().toString());
        registry.add("spring.cloud.aws.credentials.access-key", () -> AwsClients.ACCESS_KEY);
        registry.add("spring.cloud.aws.credentials.secret-key", () -> AwsClients.SECRET_KEY);
        registry.add("spring.cloud.aws.region.static", () -> AwsClients.REGION.id());
        registry.add("tenantchat.auth.issuer-uri", () -> TestTokens.ISSUER);
        registry.add("tenantchat.auth.jwk-set-uri", JWKS::uri);
        registry.add("tenantchat.auth.client-ids", () -> TestTokens.CLIENT_ID);
        registry.add("tenantchat.stream.redis.enabled", () -> "true");
        registry.add("tenantchat.stream.api-instances", () -> "2");
        registry.add("spring.data.redis.host", REDIS::host);
        registry.add("spring.data.redis.port", REDIS::port);
        registry.add("tenantchat.stream.send-buffer-limit", () -> "64KB");
        registry.add("tenantchat.stream.send-time-limit", () -> "1s");
    }

    @AfterAll
    static void stop() {
        Metrics.globalRegistry.remove(REQUESTS);
        PUBLISHER.close();
        REDIS_CLIENT.shutdown();
        REDIS.close();
        JWKS.close();
    }

    @Test
    void idleSubscribedSocketsReadNothingAndARedisReconnectRereadsEachSessionOnce() {
        List<TestSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                sockets.add(subscribed(newUser()));
            }
            double subscribedAll = dynamoDbRequests(null);
            double queriesBefore = dynamoDbRequests("Query");

            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                    .until(() -> dynamoDbRequests(null) == subscribedAll);
            assertThat(sockets).noneMatch(TestSocket::isClosed);

            killRedisSubscriberConnections();
            // one replay per subscribed session: the ownership GetItem and the conversation Query, then nothing
            double expected = subscribedAll + 2 * sockets.size();
            await().atMost(Duration.ofSeconds(20)).until(() -> dynamoDbRequests(null) >= expected);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                    .until(() -> dynamoDbRequests(null) == expected);
            assertThat(dynamoDbRequests("Query")).isEqualTo(queriesBefore + sockets.size());
            assertThat(meters.get("tenantchat.stream.resyncs").counter().count()).isEqualTo(sockets.size());

            TestSocket first = sockets.get(0);
            publish(delta(first.sessionId(), 1, "after the reconnect"));
            first.awaitFrame(frame -> frame.contains("after the reconnect"));
        } finally {
            sockets.forEach(TestSocket::close);
        }
    }

    @Test
    void socketThatStopsReadingIsClosedAsTooSlowWhileAnotherKeepsReceivingPromptly() throws IOException {
        User slowUser = newUser();
        User normalUser = newUser();
        String slowSession = newSession(slowUser);
        TestSocket normal = subscribed(normalUser);
        Counter slowSockets = meters.get("tenantchat.stream.slow_sockets").counter();
        double slowBefore = slowSockets.count();
        try (NonReadingSocket slow = NonReadingSocket.open(port, slowUser.token(), slowSession)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> subscribedLocally(slowSession));
            // frames of 4 KB: the slow socket falls behind only once the TCP buffers between it and the server are full
            String text = "x".repeat(4 * 1024);
            long worstMillis = 0;
            int seq = 0;
            while (seq < 5_000 && slowSockets.count() == slowBefore) {
                seq++;
                publish(delta(slowSession, seq, text));
                String marker = "tick-" + seq + "-";
                long sent = System.nanoTime();
                publish(delta(normal.sessionId(), seq, marker));
                normal.awaitFrame(frame -> frame.contains(marker));
                worstMillis = Math.max(worstMillis, Duration.ofNanos(System.nanoTime() - sent).toMillis());
            }
            System.out.printf("slow socket closed after %d frames of 4 KB; slowest delivery to the normal socket "
                    + "meanwhile: %d ms%n", seq, worstMillis);

            assertThat(slowSockets.count()).isEqualTo(slowBefore + 1);
            assertThat(worstMillis).isLessThan(2_000);
            assertThat(slow.readUntilClosed(Duration.ofSeconds(30))).isIn(1008, -1);
            assertThat(normal.isClosed()).isFalse();
            publish(delta(normal.sessionId(), 10_000, "still-here"));
            normal.awaitFrame(frame -> frame.contains("still-here"));
        } finally {
            normal.close();
        }
    }

    @Test
    void longPollWaitsOnTheLiveEventAndReadsNothingWhileNothingHappens() {
        User user = newUser();
        String sessionId = newSession(user);
        String body = """
                {"message": "a question", "tenant_context": {"tenant_id": "%s", "user_id": "%s", "session_id": "%s"}}
                """.formatted(TENANT, user.userId(), sessionId);
        HttpResponse<String> accepted = send(HttpRequest.newBuilder(uri("/api/chat"))
                .header("Authorization", "Bearer " + user.token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String messageId = JsonPath.read(accepted.body(), "$.message_id");

        CompletableFuture<HttpResponse<String>> poll = HTTP.sendAsync(HttpRequest.newBuilder(
                uri("/api/chat/" + messageId + "?wait=20")).header("Authorization", "Bearer " + user.token())
                .build(), HttpResponse.BodyHandlers.ofString());
        await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> true);
        double waiting = dynamoDbRequests(null);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> dynamoDbRequests(null) == waiting && !poll.isDone());

        long completedAt = System.nanoTime();
        completeAsTheWorker(user, sessionId, messageId, "the answer");
        publish(new ReplyCompleted(TenantId.of(TENANT), SessionId.of(sessionId), MessageId.of(messageId),
                "the answer", "model", new ReplyUsage(3, 2)));

        HttpResponse<String> answered = poll.join();
        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat((String) JsonPath.read(answered.body(), "$.status")).isEqualTo("completed");
        assertThat(Duration.ofNanos(System.nanoTime() - completedAt)).isLessThan(Duration.ofSeconds(10));
    }

    /** What worker-service does when a reply is done: stores the reply and marks the message completed. */
    private static void completeAsTheWorker(User user, String sessionId, String messageId, String content) {
        DynamoDbClient dynamoDb = AwsClients.dynamoDb(DYNOXIDE.endpoint());
        String table = TableNames.defaults().messages();
        String pk = TENANT + "#" + sessionId;
        String now = Instant.now().toString();
        dynamoDb.putItem(r -> r.tableName(table).item(Map.ofEntries(Map.entry("pk", s(pk)),
                Map.entry("sk", s(messageId + "#2")), Map.entry("tenant_id", s(TENANT)),
                Map.entry("session_id", s(sessionId)), Map.entry("user_id", s(user.userId())),
                Map.entry("message_id", s(messageId)), Map.entry("role", s("assistant")),
                Map.entry("content", s(content)), Map.entry("status", s("completed")),
                Map.entry("model_id", s("model")), Map.entry("input_tokens", AttributeValue.fromN("3")),
                Map.entry("output_tokens", AttributeValue.fromN("2")), Map.entry("created_at", s(now)))));
        dynamoDb.updateItem(r -> r.tableName(table).key(Map.of("pk", s(pk), "sk", s(messageId + "#1")))
                .updateExpression("SET #status = :completed, updated_at = :now")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":completed", s("completed"), ":now", s(now))));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static boolean subscribedLocally(String sessionId) {
        return PUBLISHER.sync().pubsubChannels().stream().anyMatch(channel -> channel.endsWith(sessionId));
    }

    /** DynamoDB requests this JVM sent so far, of one operation or ({@code null}) all. */
    private static double dynamoDbRequests(String operationOrNull) {
        var search = REQUESTS.find(AwsRequestCounter.METER).tag("service", "DynamoDb");
        if (operationOrNull != null) {
            search = search.tag("operation", operationOrNull);
        }
        return search.counters().stream().mapToDouble(Counter::count).sum();
    }

    private static void killRedisSubscriberConnections() {
        assertThat(PUBLISHER.sync().clientKill(KillArgs.Builder.typePubsub())).isPositive();
    }

    private static void publish(StreamEvent event) {
        PUBLISHER.sync().publish(StreamChannels.channel(event.tenantId(), event.sessionId()),
                JSON.writeValueAsString(event));
    }

    /** A delta of the one reply every test session is told about. */
    private static ReplyDelta delta(String sessionId, long seq, String text) {
        return new ReplyDelta(TenantId.of(TENANT), SessionId.of(sessionId), MESSAGE, 1, seq, text);
    }

    record User(String userId, String token) {}

    private static User newUser() {
        String userId = "push-" + UUID.randomUUID();
        return new User(userId, TOKENS.sign(TestTokens.claims(TENANT, userId)));
    }

    private String newSession(User user) {
        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/sessions")).header("Authorization", "Bearer " + user.token())
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JsonPath.read(created.body(), "$.session_id");
    }

    private TestSocket subscribed(User user) {
        String sessionId = newSession(user);
        TestSocket socket = TestSocket.open(HTTP, URI.create("ws://127.0.0.1:" + port + "/ws"), user, sessionId);
        socket.awaitFrame(frame -> frame.contains("\"subscribed\""));
        return socket;
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
