package io.tenantchat.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tenantchat.localstack.launcher.LocalSystem;
import io.tenantchat.localstack.provision.TestUser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceLock;
import tools.jackson.databind.JsonNode;

/**
 * Regenerate and edit through the whole system (docs/adr/006-conversation-branches.md): the model stand-in is given
 * only the active path of each new turn (never a sibling's text), and usage counts every generation exactly once.
 */
@Order(8)
@ResourceLock(SharedSystem.DEFAULT_LOCK)
class BranchesEndToEndIntegrationTests {

    @RegisterExtension
    static final SharedSystem SYSTEM = SharedSystem.of(SharedSystem.Kind.DEFAULT);

    @RegisterExtension
    static final FastModel FAST_MODEL = new FastModel(SYSTEM);

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    static LocalSystem system;
    static ApiClient api;
    static Conversations chats;

    @BeforeAll
    static void signIn() {
        system = SYSTEM.get();
        api = new ApiClient(system.apiBaseUrl());
        chats = new Conversations(api);
    }

    @Test
    void theModelIsGivenOnlyTheActivePathAndEveryGenerationIsCountedOnce() {
        String tenant = "tenant-br-" + UUID.randomUUID().toString().substring(0, 6);
        TestUser user = system.user(tenant, "branch@" + tenant + ".example");
        String session = chats.startSession(user);
        List<JsonNode> generations = new ArrayList<>();

        String first = chats.send(user, session, "Capital of France?");
        generations.add(completed(user, first));
        String second = chats.send(user, session, "And of Italy?");
        JsonNode italy = completed(user, second);
        generations.add(italy);

        ApiClient.Response regenerate = api.post("/api/chat/" + second + "/regenerate", user.idToken(), "{}",
                UUID.randomUUID().toString());
        assertThat(regenerate.status()).as(regenerate.body()).isEqualTo(202);
        String again = regenerate.json().path("message_id").asString();
        generations.add(completed(user, again));
        ApiClient.Response edit = api.post("/api/chat", user.idToken(), """
                {"message": "And of Spain?", "parent_message_id": "%s",
                 "tenant_context": {"tenant_id": "%s", "user_id": "%s", "session_id": "%s"}}
                """.formatted(first, user.tenantId(), user.userId(), session));
        assertThat(edit.status()).as(edit.body()).isEqualTo(202);
        String spain = edit.json().path("message_id").asString();
        JsonNode spainReply = completed(user, spain);
        generations.add(spainReply);
        String next = chats.send(user, session, "Which one is larger?");
        generations.add(completed(user, next));

        String france = "assistant: " + generations.get(0).path("reply").path("content").asString();
        List<List<String>> given = system.bedrock().conversations(tenant);
        assertThat(given).hasSize(5);
        assertThat(given.get(2)).as("the regeneration: the path to the turn it asks again")
                .containsExactly("user: Capital of France?", france, "user: And of Italy?");
        assertThat(given.get(3)).as("the edit: only its parent's path")
                .containsExactly("user: Capital of France?", france, "user: And of Spain?");
        assertThat(given.get(4)).as("the next message follows the edited branch")
                .containsExactly("user: Capital of France?", france, "user: And of Spain?",
                        "assistant: " + spainReply.path("reply").path("content").asString(), "user: Which one is larger?");
        assertThat(String.join("\n", given.get(4))).doesNotContain("Italy")
                .doesNotContain(italy.path("reply").path("content").asString());
        List<String> shown = new ArrayList<>();
        chats.messages(user, session).forEach(message -> shown.add(message.path("content").asString()));
        assertThat(shown).as("the active path").containsExactly(
                "Capital of France?", generations.get(0).path("reply").path("content").asString(), "And of Spain?",
                spainReply.path("reply").path("content").asString(), "Which one is larger?",
                generations.get(4).path("reply").path("content").asString());

        long input = generations.stream().mapToLong(g -> g.path("reply").path("usage").path("input_tokens").asLong()).sum();
        long output = generations.stream().mapToLong(g -> g.path("reply").path("usage").path("output_tokens").asLong()).sum();
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonNode totals = api.get("/api/tenants/" + tenant + "/usage", user.idToken()).json().path("totals");
            assertThat(totals.path("invocations").asLong()).isEqualTo(5);
            assertThat(totals.path("input_tokens").asLong()).isEqualTo(input);
            assertThat(totals.path("output_tokens").asLong()).isEqualTo(output);
        });
        assertThat(system.bedrock().invocations(tenant)).isEqualTo(5);
    }

    private static JsonNode completed(TestUser user, String messageId) {
        JsonNode finished = chats.awaitFinished(user, messageId, PATIENCE);
        assertThat(finished.path("status").asString()).as(finished.toString()).isEqualTo("completed");
        return finished;
    }
}
