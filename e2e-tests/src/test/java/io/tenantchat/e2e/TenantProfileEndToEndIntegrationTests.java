package io.tenantchat.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tenantchat.localstack.bedrock.BedrockStandIn;
import io.tenantchat.localstack.bedrock.ReceivedConverse;
import io.tenantchat.localstack.launcher.LocalSystem;
import io.tenantchat.localstack.provision.TestUser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A tenant-admin's profile reaches the model of the running worker (the Bedrock stand-in reports the system text it
 * got), never another tenant's conversation, and a change is used by a later message without a restart.
 */
@ResourceLock(SharedSystem.DEFAULT_LOCK)
class TenantProfileEndToEndIntegrationTests {

    @RegisterExtension
    static final SharedSystem SYSTEM = SharedSystem.of(SharedSystem.Kind.DEFAULT);

    static LocalSystem system;
    static ApiClient api;

    @BeforeAll
    static void start() {
        system = SYSTEM.get();
        api = new ApiClient(system.apiBaseUrl());
    }

    @Test
    void tenantsPromptReachesTheModelAndAChangeIsSeenByTheRunningWorker() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        TestUser admin = system.tenantAdmin("tenant-p" + suffix, "admin@p" + suffix + ".example");
        TestUser member = system.user(admin.tenantId(), "member@p" + suffix + ".example");
        TestUser neighbour = system.user("tenant-n" + suffix, "neighbour@n" + suffix + ".example");
        String first = "Answer like a pirate " + suffix + ".";
        assertThat(putProfile(admin, "{\"system_prompt\": \"" + first + "\", \"temperature\": 0.2}")).isEqualTo(200);

        answer(member, "Hello");
        answer(neighbour, "Hello");

        assertThat(system.bedrock().received(member.tenantId())).last().satisfies(received -> {
            assertThat(received.systemText()).endsWith(first);
            assertThat(received.temperature()).isCloseTo(0.2, org.assertj.core.data.Offset.offset(1e-6));
        });
        assertThat(system.bedrock().received(neighbour.tenantId())).isNotEmpty()
                .noneMatch(received -> received.systemText().contains(first));

        String second = "Answer like a poet " + suffix + ".";
        assertThat(putProfile(admin, "{\"system_prompt\": \"" + second + "\"}")).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            answer(member, "Again");
            assertThat(system.bedrock().received(member.tenantId())).last()
                    .extracting(ReceivedConverse::systemText).asString().endsWith(second);
        });
    }

    @Test
    void aGuardrailInterventionEndsTheMessageCompletedWithANeutralTextAndNeverTheBlockedOne() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        TestUser admin = system.tenantAdmin("tenant-g" + suffix, "admin@g" + suffix + ".example");
        assertThat(putProfile(admin, "{\"guardrail_id\": \"gr0abc12\", \"guardrail_version\": \"1\"}"))
                .isEqualTo(200);

        tools.jackson.databind.JsonNode message = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(1)).until(() -> answer(admin,
                        "Tell me about " + BedrockStandIn.DEFAULT_GUARDRAIL_WORD),
                        json -> json.path("reply").path("stop_reason").asString().equals("guardrail_intervened"));

        assertThat(message.path("status").asString()).isEqualTo("completed");
        assertThat(message.path("reply").path("content").asString())
                .isEqualTo("This reply was withheld by your organisation's content policy.");
        assertThat(message.toString()).doesNotContain("stand-in guardrail");
        assertThat(system.bedrock().received(admin.tenantId())).last()
                .extracting(ReceivedConverse::guardrailId).isEqualTo("gr0abc12");

        // live, over the WebSocket (the worker holds the guardrail by now): the completed frame says why
        String session = api.post("/api/sessions", admin.idToken(), null).json().path("session_id").asString();
        try (SocketClient socket = SocketClient.connect(system.apiBaseUrl(), admin.idToken())) {
            socket.subscribe(session, null);
            socket.awaitFrame(frame -> SocketClient.type(frame).equals("subscribed"));
            String messageId = api.post("/api/chat", admin.idToken(), Conversations.body(admin, session,
                    "More about " + BedrockStandIn.DEFAULT_GUARDRAIL_WORD)).json().path("message_id").asString();
            tools.jackson.databind.JsonNode completed = socket.awaitFrame(frame -> SocketClient.type(frame)
                    .equals("completed") && messageId.equals(frame.path("message_id").asString()));

            assertThat(completed.path("stop_reason").asString()).isEqualTo("guardrail_intervened");
            assertThat(completed.path("content").asString())
                    .isEqualTo("This reply was withheld by your organisation's content policy.");
        }
    }

    private static tools.jackson.databind.JsonNode answer(TestUser user, String text) {
        ApiClient.Response session = api.post("/api/sessions", user.idToken(), null);
        String body = """
                {"message": "%s", "tenant_context": {"tenant_id": "%s", "user_id": "%s", "session_id": "%s"}}
                """.formatted(text, user.tenantId(), user.userId(), session.json().path("session_id").asString());
        String messageId = api.post("/api/chat", user.idToken(), body).json().path("message_id").asString();
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> api.get("/api/chat/" + messageId, user.idToken()).json(),
                        json -> json.path("status").asString().equals("completed"));
    }

    private static int putProfile(TestUser admin, String json) {
        try {
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create(system.apiBaseUrl() + "/api/tenants/" + admin.tenantId() + "/profile"))
                    .header("Authorization", "Bearer " + admin.idToken())
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(json)).build();
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
