package io.tenantchat.api.openai;

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
import io.tenantchat.shared.ChatRequested;
import io.tenantchat.shared.GivenConversation;
import io.tenantchat.shared.stream.ReplyCompleted;
import io.tenantchat.shared.stream.ReplyDelta;
import io.tenantchat.shared.stream.ReplyError;
import io.tenantchat.shared.stream.ReplyFailed;
import io.tenantchat.shared.stream.ReplyUsage;
import io.tenantchat.shared.stream.StreamChannels;
import io.tenantchat.shared.stream.StreamEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAI-compatible API over the wire, api-service with Redis against dynoxide, ElasticMQ and redis-server; the
 * worker's part is played by the test: it takes the job from the queue (which must carry the given conversation),
 * stores the reply and publishes its events. Completions ride the chat pipeline as sessions of kind {@code api};
 * errors come in OpenAI's shape, never problem JSON.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenAiApiIntegrationTests {

    private static final RSAKey KEY = TestTokens.newKey("openai-key-1");
    private static final TestTokens TOKENS = new TestTokens(KEY);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TENANT = "tenant-openai";
    private static final String MODEL = "anthropic.claude-3-5-sonnet-20241022-v2:0";
    private static final DynoxideServer DYNOXIDE = DynoxideServer.start(null);
    private static final ElasticMqServer SQS = ElasticMqServer.start();
    private static final RedisServer REDIS = RedisServer.start();
    private static final JwksServer JWKS = JwksServer.start(KEY);
    private static final RedisClient REDIS_CLIENT = RedisClient.create(REDIS.uri().toString());
    private static final StatefulRedisConnection<String, String> PUBLISHER = REDIS_CLIENT.connect();
    private static final DynamoDbClient DYNAMO = AwsClients.dynamoDb(DYNOXIDE.endpoint());
    private static final SqsClient QUEUE = AwsClients.sqs(SQS.endpoint());
    private static final String JOBS;

    static {
        Provisioner.createTables(DYNAMO, TableNames.defaults());
        JOBS = Provisioner.createQueues(QUEUE).chatRequests();
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
        registry.add("tenantchat.openai.allowed-models", () -> MODEL + ",model-b");
        registry.add("tenantchat.openai.max-messages", () -> "4");
        registry.add("tenantchat.openai.max-total-chars", () -> "200");
    }

    @AfterAll
    static void stop() {
        PUBLISHER.close();
        REDIS_CLIENT.shutdown();
        REDIS.close();
        JWKS.close();
    }

    @Test
    void aCompletionRidesThePipelineAsAnApiSessionAndAnswersWithTheStoredReplyAndItsUsage() {
        String user = newUser();
        CompletableFuture<HttpResponse<String>> answer = HTTP.sendAsync(post("/v1/chat/completions", token(user), """
                {"model": "%s", "max_tokens": 64, "temperature": 0.2, "user": "someone",
                 "messages": [{"role": "system", "content": "Answer in one word."},
                              {"role": "user", "content": [{"type": "text", "text": "Say "}, {"type": "text", "text": "hello."}]},
                              {"role": "assistant", "content": "Hello."},
                              {"role": "user", "content": "And in French?"}]}
                """.formatted(MODEL)), HttpResponse.BodyHandlers.ofString());

        ChatRequested job = jobOf(user);
        assertThat(job.given()).isEqualTo(new GivenConversation(List.of(
                new GivenConversation.Message("system", "Answer in one word."),
                new GivenConversation.Message("user", "Say hello."),
                new GivenConversation.Message("assistant", "Hello."),
                new GivenConversation.Message("user", "And in French?")), MODEL, 64, 0.2));
        assertThat(sessionKind(job)).isEqualTo("api");
        assertThat(storedGiven(job)).as("a retry rebuilds the job from the stored message")
                .hasValueSatisfying(given -> assertThat(JSON.readValue(given, GivenConversation.class))
                        .isEqualTo(job.given()));
        completeAsTheWorker(job, "Bonjour.");

        HttpResponse<String> response = answer.join();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("TenantChat-Message-Id")).contains(job.messageId().value());
        assertThat((String) JsonPath.read(response.body(), "$.object")).isEqualTo("chat.completion");
        assertThat((String) JsonPath.read(response.body(), "$.id")).isEqualTo("chatcmpl-" + job.messageId().value());
        assertThat((String) JsonPath.read(response.body(), "$.choices[0].message.content")).isEqualTo("Bonjour.");
        assertThat((String) JsonPath.read(response.body(), "$.choices[0].message.role")).isEqualTo("assistant");
        assertThat((String) JsonPath.read(response.body(), "$.choices[0].finish_reason")).isEqualTo("stop");
        assertThat((Integer) JsonPath.read(response.body(), "$.usage.prompt_tokens")).isEqualTo(3);
        assertThat((Integer) JsonPath.read(response.body(), "$.usage.completion_tokens")).isEqualTo(2);
        assertThat((Integer) JsonPath.read(response.body(), "$.usage.total_tokens")).isEqualTo(5);
    }

    @Test
    void aStreamedCompletionSendsTheRoleTheTextTheFinishReasonTheUsageAndDone() {
        String user = newUser();
        Lines lines = Lines.open(post("/v1/chat/completions", token(user), """
                {"model": "%s", "stream": true, "stream_options": {"include_usage": true},
                 "messages": [{"role": "user", "content": "Hi"}]}
                """.formatted(MODEL)));
        assertThat(lines.status()).isEqualTo(200);
        assertThat(lines.contentType()).startsWith("text/event-stream");
        ChatRequested job = jobOf(user);
        await().atMost(Duration.ofSeconds(10)).until(() -> subscribed(job));
        markProcessing(job);
        publish(new ReplyDelta(job.tenantId(), job.sessionId(), job.messageId(), 1, 1, "Bon"));
        publish(new ReplyDelta(job.tenantId(), job.sessionId(), job.messageId(), 1, 2, "jour."));
        completeAsTheWorker(job, "Bonjour.");
        lines.awaitEnd();

        List<String> data = lines.data();
        assertThat(data.getFirst()).contains("\"object\":\"chat.completion.chunk\"").contains("\"role\":\"assistant\"");
        assertThat(data).anyMatch(d -> d.contains("\"content\":\"Bon\"")).anyMatch(d -> d.contains("\"content\":\"jour.\""));
        assertThat(data.get(data.size() - 3)).contains("\"finish_reason\":\"stop\"");
        assertThat(data.get(data.size() - 2)).contains("\"choices\":[]").contains("\"total_tokens\":5");
        assertThat(data.getLast()).isEqualTo("[DONE]");
    }

    @Test
    void aClientLeavingAStreamedCompletionStopsItsReply() {
        String user = newUser();
        Lines lines = Lines.open(post("/v1/chat/completions", token(user), """
                {"model": "%s", "stream": true, "messages": [{"role": "user", "content": "Hi"}]}
                """.formatted(MODEL)));
        ChatRequested job = jobOf(user);
        await().atMost(Duration.ofSeconds(10)).until(() -> subscribed(job));

        lines.close();

        // the api notices a closed connection when it writes to it: reply text (or the keep-alive) makes it write
        int[] seq = {0};
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
            seq[0]++;
            publish(new ReplyDelta(job.tenantId(), job.sessionId(), job.messageId(), 1, seq[0], "more "));
            return "cancelled".equals(status(job));
        });
        assertThat(cancelRequested(job)).as("stopped as its author's cancel would").isTrue();
    }

    @Test
    void aStreamedCompletionReadToItsEndIsNotStopped() {
        String user = newUser();
        Lines lines = Lines.open(post("/v1/chat/completions", token(user), """
                {"model": "%s", "stream": true, "messages": [{"role": "user", "content": "Hi"}]}
                """.formatted(MODEL)));
        ChatRequested job = jobOf(user);
        await().atMost(Duration.ofSeconds(10)).until(() -> subscribed(job));
        markProcessing(job);
        completeAsTheWorker(job, "Done.");
        lines.awaitEnd();
        lines.close();

        assertThat(lines.data().getLast()).isEqualTo("[DONE]");
        assertThat(status(job)).isEqualTo("completed");
        assertThat(cancelRequested(job)).isFalse();
    }

    @Test
    void aFailedReplyAnswersWithAnOpenAiErrorCarryingItsReason() {
        String user = newUser();
        CompletableFuture<HttpResponse<String>> answer = HTTP.sendAsync(post("/v1/chat/completions", token(user),
                "{\"model\": \"" + MODEL + "\", \"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]}"),
                HttpResponse.BodyHandlers.ofString());
        ChatRequested job = jobOf(user);
        await().atMost(Duration.ofSeconds(10)).until(() -> subscribed(job));
        publish(new ReplyFailed(job.tenantId(), job.sessionId(), job.messageId(),
                new ReplyError("model_unavailable", "The model is unavailable.")));

        HttpResponse<String> response = answer.join();
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat((String) JsonPath.read(response.body(), "$.error.code")).isEqualTo("model_unavailable");
        assertThat((String) JsonPath.read(response.body(), "$.error.message")).isEqualTo("The model is unavailable.");
    }

    @Test
    void aModelTheTenantMayNotUseIsNotFoundInOpenAisShapeAndNothingIsQueued() {
        HttpResponse<String> response = call(post("/v1/chat/completions", token(newUser()),
                "{\"model\": \"gpt-4o\", \"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]}"));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat((String) JsonPath.read(response.body(), "$.error.code")).isEqualTo("model_not_found");
        assertThat((String) JsonPath.read(response.body(), "$.error.type")).isEqualTo("invalid_request_error");
        assertThat((String) JsonPath.read(response.body(), "$.error.param")).isEqualTo("model");
    }

    @Test
    void invalidRequestsAreRefusedWith400NamingTheParameter() {
        String token = token(newUser());
        Map<String, String> refused = Map.of(
                "{\"model\": \"" + MODEL + "\"}", "messages",
                "{\"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]}", "model",
                "{\"model\": \"" + MODEL + "\", \"max_tokens\": 100000, \"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]}",
                "max_tokens",
                "{\"model\": \"" + MODEL + "\", \"temperature\": 1.5, \"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]}",
                "temperature",
                "{\"model\": \"" + MODEL + "\", \"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}, {\"role\": \"assistant\", \"content\": \"Hello\"}]}",
                "messages",
                "{\"model\": \"" + MODEL + "\", \"messages\": [{\"role\": \"user\", \"content\": \"" + "x".repeat(201) + "\"}]}",
                "messages",
                "{\"model\": \"" + MODEL + "\", \"messages\": [{\"role\": \"tool\", \"content\": \"Hi\"}]}",
                "messages[0].role",
                "{\"model\": \"" + MODEL + "\", \"messages\": [{\"role\": \"user\", \"content\": [{\"type\": \"image_url\"}]}]}",
                "messages[0].content");
        refused.forEach((body, param) -> {
            HttpResponse<String> response = call(post("/v1/chat/completions", token, body));
            assertThat(response.statusCode()).as(body + " -> " + response.body()).isEqualTo(400);
            assertThat((String) JsonPath.read(response.body(), "$.error.type")).isEqualTo("invalid_request_error");
            assertThat((String) JsonPath.read(response.body(), "$.error.param")).as(body).isEqualTo(param);
        });
        String five = String.join(",", java.util.Collections.nCopies(5, "{\"role\": \"user\", \"content\": \"Hi\"}"));
        HttpResponse<String> tooMany = call(post("/v1/chat/completions", token,
                "{\"model\": \"" + MODEL + "\", \"messages\": [" + five + "]}"));
        assertThat(tooMany.statusCode()).as(tooMany.body()).isEqualTo(400);
        HttpResponse<String> malformed = call(post("/v1/chat/completions", token, "{not json"));
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat((String) JsonPath.read(malformed.body(), "$.error.type")).isEqualTo("invalid_request_error");
    }

    @Test
    void missingOrWrongCredentialsAre401InOpenAisShapeWhileApiStaysProblemJson() {
        for (String bearer : List.of("", "tck_0123456789abcdef0123_notasecret", "not-a-jwt")) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri("/v1/models"));
            if (!bearer.isEmpty()) {
                request.header("Authorization", "Bearer " + bearer);
            }
            HttpResponse<String> response = call(request.GET().build());
            assertThat(response.statusCode()).as(bearer).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/json"));
            assertThat((String) JsonPath.read(response.body(), "$.error.type")).isEqualTo("authentication_error");
        }
        HttpResponse<String> api = call(HttpRequest.newBuilder(uri("/api/sessions")).GET().build());
        assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void aTenantsApiKeyListsTheModelsItsTenantMayUse() {
        String admin = newUser();
        HttpResponse<String> created = call(post("/api/tenants/" + TENANT + "/api-keys",
                TOKENS.sign(TestTokens.claims(TENANT, admin).groups("tenant-admin")), "{\"label\": \"models\"}"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String key = JsonPath.read(created.body(), "$.secret");

        HttpResponse<String> models = call(HttpRequest.newBuilder(uri("/v1/models"))
                .header("Authorization", "Bearer " + key).GET().build());

        assertThat(models.statusCode()).as(models.body()).isEqualTo(200);
        assertThat((String) JsonPath.read(models.body(), "$.object")).isEqualTo("list");
        assertThat((List<String>) JsonPath.read(models.body(), "$.data[*].id")).containsExactly(MODEL, "model-b");
        assertThat((List<String>) JsonPath.read(models.body(), "$.data[*].object")).containsOnly("model");
    }

    @Test
    void aRepeatWithTheSameIdempotencyKeyIsAnsweredByTheSameMessageWithoutASecondJob() {
        String user = newUser();
        String body = "{\"model\": \"" + MODEL + "\", \"stream\": true, \"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]}";
        HttpRequest first = HttpRequest.newBuilder(uri("/v1/chat/completions")).header("Authorization", "Bearer "
                + token(user)).header("Content-Type", "application/json").header("Idempotency-Key", "once-" + user)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        String firstId;
        try (Lines one = Lines.open(first)) {
            firstId = one.header("TenantChat-Message-Id");
        }
        try (Lines two = Lines.open(first)) {
            assertThat(two.header("TenantChat-Message-Id")).isEqualTo(firstId);
        }
        ChatRequested job = jobOf(user);
        assertThat(job.messageId().value()).isEqualTo(firstId);
        assertThat(QUEUE.receiveMessage(r -> r.queueUrl(JOBS).maxNumberOfMessages(10).waitTimeSeconds(1)).messages())
                .noneMatch(m -> m.body().contains(user));
    }

    // --- the worker's part, played by the test ---

    private static ChatRequested jobOf(String user) {
        List<ChatRequested> found = new CopyOnWriteArrayList<>();
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            for (Message m : QUEUE.receiveMessage(r -> r.queueUrl(JOBS).maxNumberOfMessages(10).waitTimeSeconds(1)
                    .visibilityTimeout(600)).messages()) {
                ChatRequested job = JSON.readValue(m.body(), ChatRequested.class);
                if (job.userId().value().equals(user)) {
                    found.add(job);
                    QUEUE.deleteMessage(r -> r.queueUrl(JOBS).receiptHandle(m.receiptHandle()));
                }
            }
            return !found.isEmpty();
        });
        return found.getFirst();
    }

    private static String sessionKind(ChatRequested job) {
        Map<String, AttributeValue> session = DYNAMO.getItem(r -> r.tableName(TableNames.defaults().sessions())
                .key(Map.of("session_key", s(job.tenantId().value() + "#" + job.userId().value() + "#"
                        + job.sessionId().value())))).item();
        return session.get("kind").s();
    }

    private static Optional<String> storedGiven(ChatRequested job) {
        Map<String, AttributeValue> item = DYNAMO.getItem(r -> r.tableName(TableNames.defaults().messages())
                .key(Map.of("pk", s(job.tenantId().value() + "#" + job.sessionId().value()),
                        "sk", s(job.messageId().value() + "#1")))).item();
        return Optional.ofNullable(item.get("given")).map(AttributeValue::s);
    }

    private static Map<String, AttributeValue> userMessage(ChatRequested job) {
        return DYNAMO.getItem(r -> r.tableName(TableNames.defaults().messages()).consistentRead(true)
                .key(Map.of("pk", s(job.tenantId().value() + "#" + job.sessionId().value()),
                        "sk", s(job.messageId().value() + "#1")))).item();
    }

    private static String status(ChatRequested job) {
        return userMessage(job).get("status").s();
    }

    private static boolean cancelRequested(ChatRequested job) {
        return userMessage(job).containsKey("cancel_requested_at");
    }

    private static void markProcessing(ChatRequested job) {
        DYNAMO.updateItem(r -> r.tableName(TableNames.defaults().messages())
                .key(Map.of("pk", s(job.tenantId().value() + "#" + job.sessionId().value()),
                        "sk", s(job.messageId().value() + "#1")))
                .updateExpression("SET #status = :processing")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":processing", s("processing"))));
    }

    /** What worker-service does when a reply is done: stores it, completes the message, publishes the event. */
    private static void completeAsTheWorker(ChatRequested job, String content) {
        String table = TableNames.defaults().messages();
        String pk = job.tenantId().value() + "#" + job.sessionId().value();
        String now = Instant.now().toString();
        DYNAMO.putItem(r -> r.tableName(table).item(Map.ofEntries(Map.entry("pk", s(pk)),
                Map.entry("sk", s(job.messageId().value() + "#2")), Map.entry("tenant_id", s(job.tenantId().value())),
                Map.entry("session_id", s(job.sessionId().value())), Map.entry("user_id", s(job.userId().value())),
                Map.entry("message_id", s(job.messageId().value())), Map.entry("role", s("assistant")),
                Map.entry("content", s(content)), Map.entry("status", s("completed")),
                Map.entry("model_id", s(MODEL)), Map.entry("input_tokens", AttributeValue.fromN("3")),
                Map.entry("output_tokens", AttributeValue.fromN("2")), Map.entry("created_at", s(now)))));
        DYNAMO.updateItem(r -> r.tableName(table).key(Map.of("pk", s(pk), "sk", s(job.messageId().value() + "#1")))
                .updateExpression("SET #status = :completed, updated_at = :now")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":completed", s("completed"), ":now", s(now))));
        publish(new ReplyCompleted(job.tenantId(), job.sessionId(), job.messageId(), content, MODEL,
                new ReplyUsage(3, 2)));
    }

    private static boolean subscribed(ChatRequested job) {
        return PUBLISHER.sync().pubsubChannels().stream().anyMatch(c -> c.endsWith(job.sessionId().value()));
    }

    private static void publish(StreamEvent event) {
        PUBLISHER.sync().publish(StreamChannels.channel(event.tenantId(), event.sessionId()),
                JSON.writeValueAsString(event));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static String newUser() {
        return "openai-" + UUID.randomUUID();
    }

    private static String token(String user) {
        return TOKENS.sign(TestTokens.claims(TENANT, user));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpRequest post(String path, String token, String json) {
        return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
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

    /** An open {@code text/event-stream} response read line by line; closing drops it. */
    static final class Lines implements AutoCloseable {

        private final HttpResponse<java.util.stream.Stream<String>> response;
        private final List<String> lines = new CopyOnWriteArrayList<>();
        private volatile boolean ended;

        private Lines(HttpResponse<java.util.stream.Stream<String>> response) {
            this.response = response;
            Thread.ofVirtual().start(() -> {
                try {
                    response.body().forEach(lines::add);
                } catch (RuntimeException closed) {
                    // dropped by close()
                } finally {
                    ended = true;
                }
            });
        }

        static Lines open(HttpRequest request) {
            try {
                return new Lines(HTTP.send(request, HttpResponse.BodyHandlers.ofLines()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        int status() {
            return response.statusCode();
        }

        String contentType() {
            return header("Content-Type");
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse("");
        }

        /** The {@code data} of every event so far. */
        List<String> data() {
            return lines.stream().filter(line -> line.startsWith("data:"))
                    .map(line -> line.substring("data:".length()).strip()).toList();
        }

        void awaitEnd() {
            await().atMost(Duration.ofSeconds(10)).until(() -> ended);
        }

        @Override
        public void close() {
            response.body().close();
        }
    }
}
