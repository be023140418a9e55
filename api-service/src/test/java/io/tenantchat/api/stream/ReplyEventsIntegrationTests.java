package io.tenantchat.api.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import com.nimbusds.jose.jwk.RSAKey;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.tenantchat.api.security.JwksServer;
import io.tenantchat.api.security.TestTokens;
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
import io.tenantchat.shared.stream.ReplySnapshot;
import io.tenantchat.shared.stream.ReplyUsage;
import io.tenantchat.shared.stream.StreamChannels;
import io.tenantchat.shared.stream.StreamEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/chat/{message_id}/events} with a plain HTTP client, api-service with Redis against dynoxide,
 * ElasticMQ and redis-server; the worker's part (live events, the snapshot, the stored reply) is played by the
 * test: deltas arrive as they are published, a reconnect with {@code Last-Event-ID} gets only the missing text,
 * the completed reply ends the stream, and API keys work here as everywhere.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReplyEventsIntegrationTests {

    private static final RSAKey KEY = TestTokens.newKey("sse-key-1");
    private static final TestTokens TOKENS = new TestTokens(KEY);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TENANT = "tenant-sse";
    private static final DynoxideServer DYNOXIDE = DynoxideServer.start(null);
    private static final ElasticMqServer SQS = ElasticMqServer.start();
    private static final RedisServer REDIS = RedisServer.start();
    private static final JwksServer JWKS = JwksServer.start(KEY);
    private static final RedisClient REDIS_CLIENT = RedisClient.create(REDIS.uri().toString());
    private static final StatefulRedisConnection<String, String> PUBLISHER = REDIS_CLIENT.connect();

    static {
        Provisioner.createTables(AwsClients.dynamoDb(DYNOXIDE.endpoint()), TableNames.defaults());
        Provisioner.createQueues(AwsClients.sqs(SQS.endpoint()));
    }

    @LocalServerPort
    int port;

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
        registry.add("spring.data.redis.host", REDIS::host);
        registry.add("spring.data.redis.port", REDIS::port);
        registry.add("tenantchat.stream.events.keep-alive", () -> "1s");
    }

    @AfterAll
    static void stop() {
        PUBLISHER.close();
        REDIS_CLIENT.shutdown();
        REDIS.close();
        JWKS.close();
    }

    @Test
    void streamsDeltasResumesAfterTheLastEventIdAndEndsWithTheCompletedReply() throws IOException {
        User user = newUser();
        Sent sent = send(user);
        markProcessing(sent);

        try (EventStream first = EventStream.open(uri("/api/chat/" + sent.messageId() + "/events"), user.token(), null)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> subscribed(sent.sessionId()));
            publish(delta(sent, 1, "Hello "));
            publish(delta(sent, 2, "wor"));
            first.awaitLine("id:1:9");
            assertThat(first.lines()).contains("event:delta", "id:1:6");
        }
        // while the client is away the reply goes on: the worker's snapshot holds all text so far
        publish(delta(sent, 3, "ld"));
        snapshot(sent, new ReplySnapshot(MessageId.of(sent.messageId()), 1, 3, "Hello world"));

        try (EventStream resumed = EventStream.open(uri("/api/chat/" + sent.messageId() + "/events"), user.token(),
                "1:9")) {
            resumed.awaitLine("id:1:11");
            assertThat(resumed.lines()).noneMatch(line -> line.contains("Hello"))
                    .anyMatch(line -> line.startsWith("data:") && line.contains("\"text\":\"ld\""));
            completeAsTheWorker(user, sent, "Hello world");
            publish(new ReplyCompleted(TenantId.of(TENANT), SessionId.of(sent.sessionId()),
                    MessageId.of(sent.messageId()), "Hello world", "model", new ReplyUsage(3, 2)));
            resumed.awaitEnd();
            assertThat(resumed.lines()).contains("event:completed", "id:done");
        }
    }

    @Test
    void aFinishedMessageIsAnsweredWithItsReplyAtOnce() {
        User user = newUser();
        Sent sent = send(user);
        completeAsTheWorker(user, sent, "already here");

        try (EventStream stream = EventStream.open(uri("/api/chat/" + sent.messageId() + "/events"), user.token(), null)) {
            stream.awaitEnd();
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.contentType()).startsWith("text/event-stream");
            assertThat(stream.lines()).contains("event:completed")
                    .anyMatch(line -> line.startsWith("data:") && line.contains("already here"));
        }
    }

    @Test
    void anotherUsersMessageIsNotFoundAndABadLastEventIdIsRefused() {
        Sent sent = send(newUser());
        User stranger = newUser();

        try (EventStream stream = EventStream.open(uri("/api/chat/" + sent.messageId() + "/events"), stranger.token(),
                null)) {
            assertThat(stream.status()).isEqualTo(404);
            assertThat(stream.contentType()).startsWith("application/problem+json");
        }
        try (EventStream stream = EventStream.open(uri("/api/chat/" + sent.messageId() + "/events"), stranger.token(),
                "not-an-id")) {
            assertThat(stream.status()).isEqualTo(400);
        }
    }

    @Test
    void aUserHoldsAtMostAsManyStreamsAsLongPollsAndAClosedOneFreesItsSlot() {
        User user = newUser();
        Sent sent = send(user);
        URI events = uri("/api/chat/" + sent.messageId() + "/events");
        List<EventStream> open = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                open.add(EventStream.open(events, user.token(), null));
                assertThat(open.getLast().status()).isEqualTo(200);
            }
            try (EventStream refused = EventStream.open(events, user.token(), null)) {
                assertThat(refused.status()).isEqualTo(429);
                assertThat(refused.contentType()).startsWith("application/problem+json");
            }
            User other = newUser();
            try (EventStream theirs = EventStream.open(uri("/api/chat/" + send(other).messageId() + "/events"),
                    other.token(), null)) {
                assertThat(theirs.status()).as("the bound is per user").isEqualTo(200);
            }
            // the server notices a dropped stream at a write (keep-alive comments here every second)
            open.removeFirst().close();
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).until(() -> {
                try (EventStream again = EventStream.open(events, user.token(), null)) {
                    return again.status() == 200;
                }
            });
        } finally {
            open.forEach(EventStream::close);
        }
    }

    private void markProcessing(Sent sent) {
        DynamoDbClient dynamoDb = AwsClients.dynamoDb(DYNOXIDE.endpoint());
        dynamoDb.updateItem(r -> r.tableName(TableNames.defaults().messages())
                .key(Map.of("pk", s(TENANT + "#" + sent.sessionId()), "sk", s(sent.messageId() + "#1")))
                .updateExpression("SET #status = :processing")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":processing", s("processing"))));
    }

    /** What worker-service does when a reply is done: stores the reply and marks the message completed. */
    private static void completeAsTheWorker(User user, Sent sent, String content) {
        DynamoDbClient dynamoDb = AwsClients.dynamoDb(DYNOXIDE.endpoint());
        String table = TableNames.defaults().messages();
        String pk = TENANT + "#" + sent.sessionId();
        String now = Instant.now().toString();
        dynamoDb.putItem(r -> r.tableName(table).item(Map.ofEntries(Map.entry("pk", s(pk)),
                Map.entry("sk", s(sent.messageId() + "#2")), Map.entry("tenant_id", s(TENANT)),
                Map.entry("session_id", s(sent.sessionId())), Map.entry("user_id", s(user.userId())),
                Map.entry("message_id", s(sent.messageId())), Map.entry("role", s("assistant")),
                Map.entry("content", s(content)), Map.entry("status", s("completed")),
                Map.entry("model_id", s("model")), Map.entry("input_tokens", AttributeValue.fromN("3")),
                Map.entry("output_tokens", AttributeValue.fromN("2")), Map.entry("created_at", s(now)))));
        dynamoDb.updateItem(r -> r.tableName(table).key(Map.of("pk", s(pk), "sk", s(sent.messageId() + "#1")))
                .updateExpression("SET #status = :completed, updated_at = :now")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":completed", s("completed"), ":now", s(now))));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static boolean subscribed(String sessionId) {
        return PUBLISHER.sync().pubsubChannels().stream().anyMatch(channel -> channel.endsWith(sessionId));
    }

    private static void publish(StreamEvent event) {
        PUBLISHER.sync().publish(StreamChannels.channel(event.tenantId(), event.sessionId()),
                JSON.writeValueAsString(event));
    }

    private static void snapshot(Sent sent, ReplySnapshot snapshot) {
        PUBLISHER.sync().set(StreamChannels.snapshotKey(TenantId.of(TENANT), SessionId.of(sent.sessionId()),
                snapshot.messageId()), JSON.writeValueAsString(snapshot));
    }

    private static ReplyDelta delta(Sent sent, long seq, String text) {
        return new ReplyDelta(TenantId.of(TENANT), SessionId.of(sent.sessionId()), MessageId.of(sent.messageId()), 1,
                seq, text);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    record User(String userId, String token) {}

    record Sent(String sessionId, String messageId) {}

    private static User newUser() {
        String userId = "sse-" + UUID.randomUUID();
        return new User(userId, TOKENS.sign(TestTokens.claims(TENANT, userId)));
    }

    private Sent send(User user) {
        HttpResponse<String> created = call(HttpRequest.newBuilder(uri("/api/sessions"))
                .header("Authorization", "Bearer " + user.token()).POST(HttpRequest.BodyPublishers.noBody()).build());
        String sessionId = JsonPath.read(created.body(), "$.session_id");
        String body = """
                {"message": "a question", "tenant_context": {"tenant_id": "%s", "user_id": "%s", "session_id": "%s"}}
                """.formatted(TENANT, user.userId(), sessionId);
        HttpResponse<String> accepted = call(HttpRequest.newBuilder(uri("/api/chat"))
                .header("Authorization", "Bearer " + user.token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        return new Sent(sessionId, JsonPath.read(accepted.body(), "$.message_id"));
    }

    private static HttpResponse<String> call(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An open {@code text/event-stream} response read line by line on its own thread; closing drops it. */
    static final class EventStream implements AutoCloseable {

        private final HttpResponse<InputStream> response;
        private final List<String> lines = new CopyOnWriteArrayList<>();
        private final Thread reader;
        private volatile boolean ended;

        private EventStream(HttpResponse<InputStream> response) {
            this.response = response;
            this.reader = Thread.ofVirtual().start(this::read);
        }

        static EventStream open(URI uri, String token, String lastEventId) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                    .header("Accept", "text/event-stream");
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            try {
                return new EventStream(HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private void read() {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException closed) {
                // dropped by close()
            } finally {
                ended = true;
            }
        }

        int status() {
            return response.statusCode();
        }

        String contentType() {
            return response.headers().firstValue("Content-Type").orElse("");
        }

        List<String> lines() {
            return List.copyOf(lines);
        }

        void awaitLine(String line) {
            await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains(line));
        }

        void awaitEnd() {
            await().atMost(Duration.ofSeconds(10)).until(() -> ended);
        }

        @Override
        public void close() {
            try {
                response.body().close();
            } catch (IOException ignored) {
                // already closed
            }
            reader.interrupt();
        }
    }
}
