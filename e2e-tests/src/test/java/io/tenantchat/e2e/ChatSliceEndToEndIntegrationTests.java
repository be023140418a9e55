package io.tenantchat.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tenantchat.localstack.launcher.LocalSystem;
import io.tenantchat.localstack.provision.TestUser;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * The walking skeleton end to end: stand-ins plus the three service jars as separate processes, driven over
 * HTTP only, with real Cognito-style tokens.
 */
@Order(2)
@ResourceLock(SharedSystem.DEFAULT_LOCK)
class ChatSliceEndToEndIntegrationTests {

    @RegisterExtension
    static final SharedSystem SYSTEM = SharedSystem.of(SharedSystem.Kind.DEFAULT);

    static final SecureRandom RANDOM = new SecureRandom();
    static LocalSystem system;
    static ApiClient api;
    static TestUser alice;
    static TestUser bob;

    @BeforeAll
    static void signIn() {
        system = SYSTEM.get();
        api = new ApiClient(system.apiBaseUrl());
        alice = system.user("tenant-001", "alice@tenant-001.example");
        bob = system.user("tenant-002", "bob@tenant-002.example");
    }

    @Test
    void everyServiceReportsHealthy() {
        for (URI base : new URI[] {system.apiBaseUrl(), system.workerBaseUrl(), system.aggregatorBaseUrl()}) {
            ApiClient.Response health = new ApiClient(base).get("/actuator/health", null);
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.json().path("status").asString()).isEqualTo("UP");
        }
    }

    @Test
    void everyServiceCountsItsAwsRequestsByServiceAndOperation() {
        TestUser operator = system.operator("tenant-ops", "operator@tenant-ops.example");
        String messageId = api.post("/api/chat", alice.idToken(), chatBody(alice, createSession(alice), "Count me"))
                .json().path("message_id").asString();
        awaitTerminal(alice, messageId);

        assertThat(AwsRequestMetrics.byOperation(system.apiBaseUrl(), operator.idToken()))
                .containsKeys("Sqs SendMessage", "DynamoDb TransactWriteItems");
        assertThat(AwsRequestMetrics.byOperation(system.workerBaseUrl(), null))
                .containsKeys("Sqs ReceiveMessage", "Sqs DeleteMessageBatch", "BedrockRuntime ConverseStream",
                        "EventBridge PutEvents");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                AwsRequestMetrics.byOperation(system.aggregatorBaseUrl(), null)).containsKey("DynamoDb TransactWriteItems"));
        assertThat(api.get(AwsRequestMetrics.METER, alice.idToken()).status()).isEqualTo(403);
        assertThat(api.get(AwsRequestMetrics.METER, null).status()).isEqualTo(401);
    }

    @Test
    void oneTraceFollowsAMessageFromTheApiThroughTheWorkerToTheAggregatorInJsonLogs() {
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String traceparent = "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01";
        String secret = "Trace me " + UUID.randomUUID();
        ApiClient.Response accepted = api.postTraced("/api/chat", alice.idToken(),
                chatBody(alice, createSession(alice), secret), traceparent);
        assertThat(accepted.status()).isEqualTo(202);
        String messageId = accepted.json().path("message_id").asString();
        assertThat(awaitTerminal(alice, messageId).path("status").asString()).isEqualTo("completed");

        Path logs = system.logDir();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (String service : List.of("api-service", "worker-service", "usage-aggregator")) {
                List<JsonNode> lines = ServiceLogs.linesWith(logs, service, "message_id", messageId);
                assertThat(lines).as(service).isNotEmpty().allSatisfy(line -> {
                    assertThat(line.path("trace_id").asString()).as(service + ": " + line).isEqualTo(traceId);
                    assertThat(line.path("tenant_id").asString()).as(service + ": " + line).isEqualTo("tenant-001");
                    assertThat(line.path("user_id").asString()).as(service + ": " + line).isEqualTo(alice.userId());
                });
            }
        });
        for (String service : List.of("api-service", "worker-service", "usage-aggregator")) {
            assertThat(ServiceLogs.text(logs, service)).as(service).doesNotContain(secret)
                    .doesNotContain(alice.idToken());
        }
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    @Test
    void refusesRequestsWithoutATokenWith401ProblemJson() {
        ApiClient.Response response = api.get("/api/sessions", null);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void refusesAForgedToken() {
        String[] parts = alice.idToken().split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();

        assertThat(api.get("/api/sessions", forged).status()).isEqualTo(401);
        assertThat(api.get("/api/sessions", alice.accessToken()).status()).isEqualTo(401);
    }

    @Test
    void aMessageIsAnsweredByTheModelAndReadableByPolling() {
        String sessionId = createSession(alice);

        ApiClient.Response accepted = api.post("/api/chat", alice.idToken(), chatBody(alice, sessionId, "Hello from the e2e test"));
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.json().path("status").asString()).isEqualTo("queued");
        String messageId = accepted.json().path("message_id").asString();

        JsonNode done = awaitTerminal(alice, messageId);
        assertThat(done.path("status").asString()).isEqualTo("completed");
        assertThat(done.path("error").isNull()).isTrue();
        assertThat(done.path("reply").path("content").asString()).isNotBlank().contains("tenant-001");
        assertThat(done.path("reply").path("model_id").asString()).isEqualTo("anthropic.claude-3-5-sonnet-20241022-v2:0");
        assertThat(done.path("reply").path("usage").path("input_tokens").asLong()).isPositive();
        assertThat(done.path("reply").path("usage").path("output_tokens").asLong()).isPositive();

        JsonNode conversation = api.get("/api/sessions/" + sessionId + "/messages", alice.idToken()).json();
        assertThat(conversation.path("messages")).hasSize(2);
        assertThat(conversation.path("messages").get(0).path("role").asString()).isEqualTo("user");
        assertThat(conversation.path("messages").get(1).path("role").asString()).isEqualTo("assistant");
        JsonNode session = api.get("/api/sessions/" + sessionId, alice.idToken()).json();
        assertThat(session.path("message_count").asLong()).isEqualTo(2);
    }

    /** Also puts session delete (DeleteItem, BatchWriteItem) in the AWS call log that iam-check holds against IAM. */
    @Test
    void aDeletedSessionIsGoneWithItsMessages() {
        String sessionId = createSession(alice);
        String messageId = api.post("/api/chat", alice.idToken(), chatBody(alice, sessionId, "soon forgotten"))
                .json().path("message_id").asString();
        awaitTerminal(alice, messageId);

        assertThat(api.delete("/api/sessions/" + sessionId, alice.idToken()).status()).isEqualTo(204);

        assertThat(api.get("/api/sessions/" + sessionId, alice.idToken()).status()).isEqualTo(404);
        assertThat(api.get("/api/chat/" + messageId, alice.idToken()).status()).isEqualTo(404);
    }

    @Test
    void anotherTenantsTokenSeesNothingOfTheSessionOrItsMessages() {
        String sessionId = createSession(alice);
        String messageId = api.post("/api/chat", alice.idToken(), chatBody(alice, sessionId, "secret plans"))
                .json().path("message_id").asString();

        ApiClient.Response session = api.get("/api/sessions/" + sessionId, bob.idToken());
        assertThat(session.status()).isEqualTo(404);
        assertThat(session.body()).doesNotContain("tenant-001").doesNotContain("secret plans");
        assertThat(api.get("/api/sessions/" + sessionId + "/messages", bob.idToken()).status()).isEqualTo(404);
        assertThat(api.get("/api/chat/" + messageId, bob.idToken()).status()).isEqualTo(404);
        assertThat(api.get("/api/sessions", bob.idToken()).body()).doesNotContain(sessionId);
        assertThat(api.post("/api/chat", bob.idToken(), chatBody(bob, sessionId, "let me in")).status()).isEqualTo(404);
    }

    @Test
    void refusesATenantContextThatNamesAnotherTenant() {
        String sessionId = createSession(bob);
        String body = """
                {"message": "hi", "tenant_context": {"tenant_id": "tenant-001", "user_id": "%s", "session_id": "%s"}}
                """.formatted(bob.userId(), sessionId);

        ApiClient.Response response = api.post("/api/chat", bob.idToken(), body);

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/api/sessions/" + sessionId + "/messages", bob.idToken()).json().path("messages")).isEmpty();
    }

    private static String createSession(TestUser user) {
        ApiClient.Response created = api.post("/api/sessions", user.idToken(), null);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("tenant_id").asString()).isEqualTo(user.tenantId());
        return created.json().path("session_id").asString();
    }

    private static JsonNode awaitTerminal(TestUser user, String messageId) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> api.get("/api/chat/" + messageId, user.idToken()).json(),
                        json -> json.path("status").asString().matches("completed|failed"));
    }

    private static String chatBody(TestUser user, String sessionId, String message) {
        return """
                {"message": "%s", "tenant_context": {"tenant_id": "%s", "user_id": "%s", "session_id": "%s"}}
                """.formatted(message, user.tenantId(), user.userId(), sessionId);
    }
}
