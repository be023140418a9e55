package io.tenantchat.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tenantchat.localstack.AwsClients;
import io.tenantchat.localstack.bedrock.BedrockStandIn.Fault;
import io.tenantchat.localstack.bedrock.BedrockStandIn.Settings;
import io.tenantchat.localstack.launcher.LocalSystem;
import io.tenantchat.localstack.provision.TestUser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import tools.jackson.databind.JsonNode;

/**
 * Operations end to end, the services as separate processes: a model outage dead-letters two tenants' messages,
 * an operator replays one tenant's after the outage, and a second replay changes nothing. The worker gives up
 * after two quick attempts so the outage fails messages within seconds: a system of its own kind
 * ({@link SharedSystem.Kind#FAIL_FAST}), since the other classes' workers retry for longer.
 */
@Order(3)
@ResourceLock(SharedSystem.FAIL_FAST_LOCK)
class OperationsEndToEndIntegrationTests {

    @RegisterExtension
    static final SharedSystem SYSTEM = SharedSystem.of(SharedSystem.Kind.FAIL_FAST);

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final int SESSIONS_PER_TENANT = 3;
    private static final int MESSAGES_PER_SESSION = 5;

    static LocalSystem system;
    static ApiClient api;
    static Conversations chats;
    static TestUser alice;
    static TestUser bob;
    static TestUser carol;
    static TestUser operator;

    @BeforeAll
    static void signIn() {
        system = SYSTEM.get();
        api = new ApiClient(system.apiBaseUrl());
        chats = new Conversations(api);
        alice = system.user("tenant-001", "alice@tenant-001.example");
        bob = system.user("tenant-002", "bob@tenant-002.example");
        carol = system.user("tenant-003", "carol@tenant-003.example");
        operator = platformOperator("ops@platform.example");
    }

    /** A user in the platform-operator group, signed in after joining it so the ID token carries the group. */
    private static TestUser platformOperator(String email) {
        system.user("tenant-platform", email);
        try (CognitoIdentityProviderClient cognito = AwsClients.cognito(system.cognitoEndpoint())) {
            cognito.adminAddUserToGroup(r -> r.userPoolId(system.userPool().poolId()).username(email)
                    .groupName("platform-operator"));
        }
        return system.user("tenant-platform", email);
    }

    @Test
    void outageDeadLettersBothTenantsAndReplayingOneTenantCompletesExactlyItsMessagesOnce() {
        long deadBefore = deadLettered();
        system.bedrock().settings(Settings.defaults().withFault(Fault.serviceUnavailable(Integer.MAX_VALUE)));
        Map<String, List<String>> aliceSessions = sendDuringOutage(alice);
        Map<String, List<String>> bobSessions = sendDuringOutage(bob);
        all(aliceSessions).forEach(id -> assertFailed(alice, id));
        all(bobSessions).forEach(id -> assertFailed(bob, id));
        await().atMost(PATIENCE).until(() -> deadLettered() == deadBefore + 30);
        JsonNode peeked = ops("GET", "/api/admin/queues/chat-requests/dead-letters?limit=100", null);
        List<JsonNode> outage = new ArrayList<>();
        peeked.path("dead_letters").forEach(letter -> {
            if (letter.path("tenant_id").asString().matches("tenant-00[12]")) {
                outage.add(letter);
            }
        });
        // a FIFO peek sees each message group's head and what one receive returned with it (a sample)
        assertThat(outage).isNotEmpty().allSatisfy(letter -> {
            assertThat(letter.path("status").asString()).isEqualTo("failed");
            assertThat(letter.path("error_code").asString()).isEqualTo("model_unavailable");
        });

        JsonNode stats = ops("GET", "/api/admin/queues", null);
        assertThat(stats.path("queues").get(1).path("name").asString()).isEqualTo("chat-requests-dlq.fifo");
        assertThat(stats.path("queues").get(1).path("visible").asLong()).isEqualTo(deadBefore + 30);

        system.bedrock().settings(Settings.defaults());
        int callsBefore = system.bedrock().invocations(alice.tenantId());
        JsonNode dryRun = ops("POST", "/api/admin/queues/chat-requests/dead-letters/replay",
                "{\"tenant_id\": \"tenant-001\", \"dry_run\": true}");
        // a dry run holds what it looks at, and a FIFO queue shows nothing behind a held letter of the same group:
        // it sees every group's head and what came with it (a lower bound), and changes nothing
        assertThat(dryRun.path("moved").asInt()).isBetween(SESSIONS_PER_TENANT, 15);
        assertThat(dryRun.path("letters")).allSatisfy(letter ->
                assertThat(letter.path("tenant_id").asString()).isEqualTo("tenant-001"));
        assertThat(deadLettered()).isEqualTo(deadBefore + 30);
        all(aliceSessions).forEach(id -> assertThat(status(alice, id)).isEqualTo("failed"));
        JsonNode replayed = ops("POST", "/api/admin/queues/chat-requests/dead-letters/replay",
                "{\"tenant_id\": \"tenant-001\"}");

        assertThat(replayed.path("moved").asInt()).isEqualTo(15);
        assertThat(replayed.path("failed").asInt()).isZero();
        all(aliceSessions).forEach(id -> assertThat(chats.awaitFinished(alice, id, PATIENCE).path("status").asString())
                .isEqualTo("completed"));
        assertOneReplyEach(alice, aliceSessions);
        assertThat(system.bedrock().invocations(alice.tenantId()) - callsBefore).isEqualTo(15);
        all(bobSessions).forEach(id -> assertThat(status(bob, id)).isEqualTo("failed"));
        assertThat(deadLettered()).isEqualTo(deadBefore + 15);

        JsonNode again = ops("POST", "/api/admin/queues/chat-requests/dead-letters/replay",
                "{\"tenant_id\": \"tenant-001\"}");
        assertThat(again.path("moved").asInt()).isZero();
        assertOneReplyEach(alice, aliceSessions);
        assertThat(deadLettered()).isEqualTo(deadBefore + 15);
        assertThat(system.bedrock().invocations(alice.tenantId()) - callsBefore).isEqualTo(15);
    }

    @Test
    void userRetriesTheirOwnFailedMessageOnce() {
        String session = chats.startSession(carol);
        system.bedrock().settings(Settings.defaults().withFault(Fault.validation(1)));
        String id = chats.send(carol, session, "Refused the first time.");
        assertFailed(carol, id);
        system.bedrock().settings(Settings.defaults());

        assertThat(api.post("/api/chat/" + id + "/retry", bob.idToken(), null).status()).isEqualTo(404);
        assertThat(api.post("/api/chat/" + id + "/retry", carol.idToken(), null).status()).isEqualTo(202);
        assertThat(chats.awaitFinished(carol, id, PATIENCE).path("status").asString()).isEqualTo("completed");
        assertThat(api.post("/api/chat/" + id + "/retry", carol.idToken(), null).status()).isEqualTo(409);
        assertThat(chats.messages(carol, session)).hasSize(2);
    }

    @Test
    void everyServiceExportsItsMetricsWithABoundedTenantTag() {
        chats.awaitFinished(alice, chats.send(alice, chats.startSession(alice), "Count me."), PATIENCE);

        assertThat(scrape(system.workerBaseUrl().resolve("/actuator/prometheus"), null))
                .contains("tenantchat_model_duration_seconds_count{tenant=\"other\"}")
                .contains("tenantchat_model_ttft_seconds_count{tenant=\"other\"}")
                .contains("tenantchat_queue_wait_seconds_count{tenant=\"other\"}")
                .contains("tenantchat_model_tokens_total{direction=\"output\",tenant=\"other\"}")
                .doesNotContain("tenant=\"tenant-001\"");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(scrape(system.aggregatorBaseUrl()
                .resolve("/actuator/prometheus"), null)).contains("tenantchat_usage_events_total{result=\"counted\""));
        assertThat(api.get("/actuator/prometheus", alice.idToken()).status()).isEqualTo(403);
        assertThat(scrape(system.apiBaseUrl().resolve("/actuator/prometheus"), operator.idToken()))
                .contains("tenantchat_chat_requests_total{kind=\"send\",tenant=\"other\"}");
    }

    private static String scrape(java.net.URI uri, String token) {
        var request = java.net.http.HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            var response = java.net.http.HttpClient.newHttpClient().send(request.build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("%s -> %s", uri, response.body()).isEqualTo(200);
            return response.body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, List<String>> sendDuringOutage(TestUser user) {
        Map<String, List<String>> sent = new LinkedHashMap<>();
        for (int s = 0; s < SESSIONS_PER_TENANT; s++) {
            String session = chats.startSession(user);
            List<String> ids = new ArrayList<>();
            for (int m = 0; m < MESSAGES_PER_SESSION; m++) {
                ids.add(chats.send(user, session, "during the outage " + m));
            }
            sent.put(session, ids);
        }
        return sent;
    }

    private static void assertOneReplyEach(TestUser user, Map<String, List<String>> sessions) {
        sessions.forEach((session, ids) -> {
            JsonNode messages = chats.messages(user, session);
            assertThat(messages).hasSize(2 * ids.size());
            List<String> answered = new ArrayList<>();
            messages.forEach(m -> {
                if ("assistant".equals(m.path("role").asString())) {
                    answered.add(m.path("message_id").asString());
                }
            });
            assertThat(answered).containsExactlyInAnyOrderElementsOf(ids);
        });
    }

    private static void assertFailed(TestUser user, String id) {
        assertThat(chats.awaitFinished(user, id, PATIENCE).path("status").asString()).isEqualTo("failed");
    }

    private static String status(TestUser user, String id) {
        return api.get("/api/chat/" + id, user.idToken()).json().path("status").asString();
    }

    private static List<String> all(Map<String, List<String>> sessions) {
        return sessions.values().stream().flatMap(List::stream).toList();
    }

    private static JsonNode ops(String method, String path, String body) {
        ApiClient.Response response = "GET".equals(method) ? api.get(path, operator.idToken())
                : api.post(path, operator.idToken(), body);
        assertThat(response.status()).as("%s %s -> %s", method, path, response.body()).isEqualTo(200);
        return response.json();
    }

    private static long deadLettered() {
        try (SqsClient sqs = AwsClients.sqs(system.sqsEndpoint())) {
            return sqs.getQueueAttributes(r -> r.queueUrl(system.queues().chatRequestsDlq()).attributeNames(
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                    .attributes().values().stream().mapToLong(Long::parseLong).sum();
        }
    }
}
