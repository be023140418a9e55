package io.tenantchat.api.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.tenantchat.localstack.provision.TableNames;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Regenerate, edit and switch branches over HTTP against the stand-ins (docs/adr/006-conversation-branches.md): the
 * turns and the session's branch attributes as stored, the active path and siblings as read, and the refusals. No
 * worker runs: a test completes a message as the worker would (its status and its reply item).
 */
class BranchesOverHttpIntegrationTests extends GuardedApi {

    @Test
    void regenerationIsASiblingThatBecomesActiveAndTheEarlierReplyStaysReachable() {
        Actor alice = World.actor(TOKENS, registeredTenant("open", null), "alice");
        String session = newSession(alice);
        String first = answered(alice, session, "Capital of France?", "Paris.");
        String second = answered(alice, session, "And of Italy?", "Rome.");

        HttpResponse<String> regenerated = send(post("/api/chat/" + second + "/regenerate", alice, null));

        assertThat(regenerated.statusCode()).as(regenerated.body()).isEqualTo(202);
        String again = JsonPath.read(regenerated.body(), "$.message_id");
        assertThat(userItem(alice, session, again)).containsEntry("content", s("And of Italy?"))
                .containsEntry("parent_message_id", s(first)).containsEntry("regenerated_from", s(second))
                .containsEntry("status", s("queued"));
        complete(alice, session, again, "Rome, since 1871.");
        String path = get("/api/sessions/" + session + "/messages", alice).body();
        assertThat(contents(path)).containsExactly("Capital of France?", "Paris.", "And of Italy?", "Rome, since 1871.");
        assertThat(JsonPath.<List<String>>read(path, "$.messages[2].sibling_ids")).containsExactly(second, again);
        assertThat(JsonPath.<Integer>read(path, "$.messages[2].sibling_index")).isEqualTo(1);
        assertThat(JsonPath.<String>read(path, "$.messages[2].parent_message_id")).isEqualTo(first);
        assertThat(JsonPath.<String>read(path, "$.messages[2].regenerated_from")).isEqualTo(second);

        HttpResponse<String> back = put("/api/sessions/" + session + "/active", alice,
                "{\"message_id\": \"" + second + "\"}");

        assertThat(back.statusCode()).as(back.body()).isEqualTo(200);
        assertThat(contents(back.body())).containsExactly("Capital of France?", "Paris.", "And of Italy?", "Rome.");
        assertThat(contents(get("/api/sessions/" + session + "/messages", alice).body()))
                .containsExactly("Capital of France?", "Paris.", "And of Italy?", "Rome.");
        assertThat(sessionItem(alice, session)).containsEntry("active_leaf", s(second));
    }

    @Test
    void editStartsABranchAndTheNextPlainMessageFollowsItsLastTurn() {
        Actor alice = World.actor(TOKENS, registeredTenant("open", null), "alice");
        String session = newSession(alice);
        String first = answered(alice, session, "Capital of France?", "Paris.");
        answered(alice, session, "And of Italy?", "Rome.");

        HttpResponse<String> edited = send(post("/api/chat", alice, body(alice, session, "And of Spain?",
                ", \"parent_message_id\": \"" + first + "\"")));

        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(202);
        String edit = JsonPath.read(edited.body(), "$.message_id");
        complete(alice, session, edit, "Madrid.");
        String next = sent(alice, session, "Which is larger?");
        assertThat(userItem(alice, session, next)).containsEntry("parent_message_id", s(edit));
        assertThat(sessionItem(alice, session)).containsEntry("active_leaf", s(next));
        assertThat(contents(get("/api/sessions/" + session + "/messages", alice).body())).containsExactly(
                "Capital of France?", "Paris.", "And of Spain?", "Madrid.", "Which is larger?");
    }

    @Test
    void editOfTheFirstMessageStartsTheConversationAgain() {
        Actor alice = World.actor(TOKENS, registeredTenant("open", null), "alice");
        String session = newSession(alice);
        String first = answered(alice, session, "Capital of France?", "Paris.");

        HttpResponse<String> edited = send(post("/api/chat/" + first + "/edit", alice, "{\"message\": \"Capital of Spain?\"}"));

        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(202);
        String edit = JsonPath.read(edited.body(), "$.message_id");
        assertThat(userItem(alice, session, edit)).containsEntry("parent_message_id", s("root"));
        String path = get("/api/sessions/" + session + "/messages", alice).body();
        assertThat(contents(path)).containsExactly("Capital of Spain?");
        assertThat(JsonPath.<List<String>>read(path, "$.messages[0].sibling_ids")).containsExactly(first, edit);
    }

    @Test
    void aConversationThatNeverBranchedIsReadAsBeforeWithEachMessageItsOwnOnlySibling() {
        Actor alice = World.actor(TOKENS, registeredTenant("open", null), "alice");
        String session = newSession(alice);
        String first = answered(alice, session, "Capital of France?", "Paris.");
        String second = sent(alice, session, "And of Italy?");

        String path = get("/api/sessions/" + session + "/messages", alice).body();

        assertThat(contents(path)).containsExactly("Capital of France?", "Paris.", "And of Italy?");
        assertThat(JsonPath.<List<String>>read(path, "$.messages[2].sibling_ids")).containsExactly(second);
        assertThat(JsonPath.<String>read(path, "$.messages[2].parent_message_id")).isEqualTo(first);
        assertThat(sessionItem(alice, session)).doesNotContainKeys("active_leaf", "tree_version");
        assertThat(userItem(alice, session, second)).doesNotContainKey("parent_message_id");
    }

    @Test
    void regenerationIsAdmittedByTheTenantsQuotasLikeASend() {
        Actor alice = World.actor(TOKENS, registeredTenant("open",
                "{\"messages_per_month\": 2, \"messages_per_day\": 100}"), "alice");
        String session = newSession(alice);
        String first = answered(alice, session, "Capital of France?", "Paris.");
        HttpResponse<String> once = send(post("/api/chat/" + first + "/regenerate", alice, null));
        assertThat(once.statusCode()).as(once.body()).isEqualTo(202);
        complete(alice, session, JsonPath.read(once.body(), "$.message_id"), "Paris!");

        HttpResponse<String> refused = send(post("/api/chat/" + first + "/regenerate", alice, null));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(429);
        assertThat(refused.body()).contains("\"code\":\"monthly_message_limit\"");
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void aRepeatedRegenerationWithTheSameIdempotencyKeyAnswersTheFirstAndAddsNoSibling() {
        Actor alice = World.actor(TOKENS, registeredTenant("open", null), "alice");
        String session = newSession(alice);
        String first = answered(alice, session, "Capital of France?", "Paris.");
        String key = UUID.randomUUID().toString();

        HttpResponse<String> once = send(withKey(post("/api/chat/" + first + "/regenerate", alice, null), key));
        HttpResponse<String> twice = send(withKey(post("/api/chat/" + first + "/regenerate", alice, null), key));

        assertThat(once.statusCode()).as(once.body()).isEqualTo(202);
        assertThat(twice.statusCode()).as(twice.body()).isEqualTo(202);
        assertThat(JsonPath.<String>read(twice.body(), "$.message_id"))
                .isEqualTo(JsonPath.<String>read(once.body(), "$.message_id"));
        assertThat(JsonPath.<List<String>>read(get("/api/sessions/" + session + "/messages", alice).body(),
                "$.messages[0].sibling_ids")).hasSize(2);
    }

    @Test
    void unfinishedAndForeignTurnsAreRefusedWithProblemJson() {
        Actor alice = World.actor(TOKENS, registeredTenant("open", null), "alice");
        String session = newSession(alice);
        String other = newSession(alice);
        String answeredTurn = answered(alice, session, "Capital of France?", "Paris.");
        String pending = sent(alice, session, "And of Italy?");
        String elsewhere = answered(alice, other, "Hi", "Hello.");

        assertProblem(send(post("/api/chat/" + pending + "/regenerate", alice, null)), 409, "message_not_finished");
        assertProblem(send(post("/api/chat", alice, body(alice, session, "x",
                ", \"parent_message_id\": \"" + pending + "\""))), 409, "parent_not_finished");
        assertProblem(send(post("/api/chat", alice, body(alice, session, "x",
                ", \"parent_message_id\": \"" + elsewhere + "\""))), 404, "parent_not_found");
        assertProblem(put("/api/sessions/" + session + "/active", alice, "{\"message_id\": \"" + elsewhere + "\"}"),
                404, "message_not_found");
        assertProblem(send(post("/api/chat", alice, body(alice, session, "x",
                ", \"parent_message_id\": \"not-an-id\""))), 400, "invalid_parent_message_id");
        assertThat(sessionItem(alice, session)).doesNotContainKey("active_leaf");
        assertThat(answeredTurn).isNotBlank();
    }

    @Test
    void aTooLongEditIs413AndAnEmptyOne400AndNeitherChangesTheSession() {
        Actor alice = World.actor(TOKENS, registeredTenant("open", null), "alice");
        String session = newSession(alice);
        String first = answered(alice, session, "Capital of France?", "Paris.");

        assertProblem(send(post("/api/chat/" + first + "/edit", alice,
                "{\"message\": \"" + "x".repeat(32_001) + "\"}")), 413, "message_too_long");
        assertProblem(send(post("/api/chat/" + first + "/edit", alice, "{\"message\": \" \"}")), 400,
                "message_required");
        assertThat(sessionItem(alice, session)).doesNotContainKey("active_leaf");
    }

    private String answered(Actor actor, String session, String text, String reply) {
        String id = sent(actor, session, text);
        complete(actor, session, id, reply);
        return id;
    }

    private String sent(Actor actor, String session, String text) {
        HttpResponse<String> accepted = send(post("/api/chat", actor, body(actor, session, text, "")));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        return JsonPath.read(accepted.body(), "$.message_id");
    }

    private static String body(Actor actor, String session, String text, String more) {
        return "{\"message\": \"%s\", \"tenant_context\": {\"tenant_id\": \"%s\", \"user_id\": \"%s\", \"session_id\": \"%s\"}%s}"
                .formatted(text, actor.tenantId(), actor.userId(), session, more);
    }

    /** As the worker completes a message: its reply item and its status (the hold is left: no worker here). */
    private static void complete(Actor actor, String session, String id, String reply) {
        String pk = actor.tenantId() + "#" + session;
        var dynamo = standIns().dynamoDb();
        dynamo.putItem(p -> p.tableName(TableNames.defaults().messages()).item(Map.ofEntries(
                Map.entry("pk", s(pk)), Map.entry("sk", s(id + "#2")), Map.entry("tenant_id", s(actor.tenantId())),
                Map.entry("session_id", s(session)), Map.entry("user_id", s(actor.userId())),
                Map.entry("message_id", s(id)), Map.entry("role", s("assistant")), Map.entry("content", s(reply)),
                Map.entry("status", s("completed")), Map.entry("model_id", s("stand-in")),
                Map.entry("input_tokens", AttributeValue.fromN("3")), Map.entry("output_tokens", AttributeValue.fromN("2")),
                Map.entry("created_at", s("2026-12-03T10:00:00Z")))));
        dynamo.updateItem(u -> u.tableName(TableNames.defaults().messages())
                .key(Map.of("pk", s(pk), "sk", s(id + "#1")))
                .updateExpression("SET #status = :completed").expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":completed", s("completed"))));
    }

    private static Map<String, AttributeValue> userItem(Actor actor, String session, String id) {
        return standIns().dynamoDb().getItem(g -> g.tableName(TableNames.defaults().messages()).consistentRead(true)
                .key(Map.of("pk", s(actor.tenantId() + "#" + session), "sk", s(id + "#1")))).item();
    }

    private static Map<String, AttributeValue> sessionItem(Actor actor, String session) {
        return standIns().dynamoDb().getItem(g -> g.tableName(TableNames.defaults().sessions()).consistentRead(true)
                .key(Map.of("session_key", s(actor.tenantId() + "#" + actor.userId() + "#" + session)))).item();
    }

    private static List<String> contents(String conversation) {
        return JsonPath.read(conversation, "$.messages[*].content");
    }

    private HttpResponse<String> put(String path, Actor actor, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + actor.token())
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private static HttpRequest withKey(HttpRequest request, String key) {
        return HttpRequest.newBuilder(request, (name, value) -> true).header("Idempotency-Key", key).build();
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"code\":\"" + code + "\"");
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
