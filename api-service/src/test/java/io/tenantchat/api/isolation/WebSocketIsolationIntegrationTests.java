package io.tenantchat.api.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import io.tenantchat.localstack.provision.TableNames;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;

/**
 * Every action of the WebSocket {@code /ws} (auth frame, bearer protocol, subscribe, unsubscribe) against every bad
 * token of {@link Attacks}, another tenant, another user of the same tenant and guessed or malformed session ids.
 * Each is refused, no frame carries the victim's data, nothing changes, and the attacker receives no event even
 * while the victim's reply is delivered to the victim's own socket (the positive control: a broken socket that
 * delivered nothing would fail it).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebSocketIsolationIntegrationTests extends RunningApi {

    private static final Set<String> EVENTS = Set.of("delta", "restarted", "completed", "failed");

    World world;
    Set<String> victimSecrets;

    @BeforeAll
    void seed() {
        Actor alice = World.actor(TOKENS, World.TENANT_A, "alice");
        Actor bob = World.actor(TOKENS, World.TENANT_B, "bob");
        String aliceSecret = "alice-ws-secret-" + UUID.randomUUID();
        Ids victim = conversation(alice, aliceSecret);
        String bobSecret = "bob-ws-secret-" + UUID.randomUUID();
        Ids attacker = conversation(bob, bobSecret);
        victimSecrets = new HashSet<>(Set.of(victim.tenantId(), victim.userId(), victim.sessionId(),
                victim.messageId(), aliceSecret));
        world = new World(alice, alice, World.actor(TOKENS, World.TENANT_A, "anna"), bob, bob, victim,
                Set.copyOf(victimSecrets), attacker, Set.of(attacker.tenantId(), attacker.userId(),
                        attacker.sessionId(), attacker.messageId(), bobSecret), World.operator(TOKENS), ApiKeys.NONE);
    }

    @TestFactory
    Stream<DynamicTest> badTokensInTheAuthFrameGetNoReadyAndAreClosed() {
        return Attacks.badTokens(world, TOKENS).stream().map(attempt -> DynamicTest.dynamicTest(attempt.name(), () -> {
            DataSnapshot before = snapshot();
            try (IsolationSocket socket = connect(null)) {
                socket.auth(attempt.bearerOrNull());
                socket.subscribe(world.victim().sessionId());
                socket.awaitClosed();

                assertThat(socket.frames()).as(attempt.name()).isNotEmpty()
                        .allSatisfy(frame -> assertThat(frame.path("code").asString()).isEqualTo("unauthorized"));
                assertNoLeak(socket, attempt.secrets(), attempt.bearerOrNull() + " " + world.victim().sessionId());
            }
            assertThat(snapshot()).as("data changed by %s", attempt.name()).isEqualTo(before);
        }));
    }

    @TestFactory
    Stream<DynamicTest> badTokensInTheBearerProtocolAreRefusedAtTheHandshake() {
        return Attacks.badTokens(world, TOKENS).stream().filter(attempt -> attempt.bearerOrNull() != null)
                .map(attempt -> DynamicTest.dynamicTest(attempt.name(), () -> assertThatThrownBy(
                        () -> IsolationSocket.open(wsUri(), attempt.bearerOrNull()).join())
                        .isInstanceOf(CompletionException.class)
                        .cause().isInstanceOfSatisfying(WebSocketHandshakeException.class,
                                refused -> assertThat(refused.getResponse().statusCode()).isEqualTo(401))));
    }

    @Test
    void socketThatNeverAuthenticatesIsClosedWithoutAFrame() {
        try (IsolationSocket socket = connect(null)) {
            socket.awaitClosed();

            assertThat(socket.frames()).isEmpty();
        }
    }

    @Test
    void subscribeBeforeAuthIsRefusedAndClosed() {
        try (IsolationSocket socket = connect(null)) {
            socket.subscribe(world.victim().sessionId());
            socket.awaitClosed();

            assertThat(socket.types()).containsExactly("error");
            assertThat(socket.frames().get(0).path("code").asString()).isEqualTo("unauthorized");
            assertNoLeak(socket, victimSecrets, world.victim().sessionId());
        }
    }

    @Test
    void otherTenantCannotFollowTheVictimsSessionByFrameOrByProtocol() {
        try (IsolationSocket byFrame = authenticated(world.bob(), false);
                IsolationSocket byProtocol = authenticated(world.bob(), true)) {
            attackersSeeNothingOfTheVictimsNextReply(victimSecrets, byFrame, byProtocol);
        }
    }

    @Test
    void otherUserOfTheSameTenantCannotFollowAPrivateSession() {
        Set<String> secrets = new HashSet<>(victimSecrets);
        secrets.remove(world.victim().tenantId());
        try (IsolationSocket anna = authenticated(world.anna(), false)) {
            attackersSeeNothingOfTheVictimsNextReply(secrets, anna);
        }
    }

    @Test
    void guessedAndMalformedSessionIdsGetAnErrorAndNoData() {
        List<String> bad = Stream.concat(Stream.of(UUID.randomUUID().toString(), world.attackerIds().sessionId(),
                world.victim().tenantId() + "#" + world.victim().sessionId(), "../" + world.victim().sessionId(), ""),
                Attacks.MALFORMED_IDS.stream()).toList();
        DataSnapshot before = snapshot();
        try (IsolationSocket alice = authenticated(world.alice(), false)) {
            bad.forEach(alice::subscribe);
            alice.subscribe(world.victim().sessionId(), "not-a-message-id");
            await().atMost(Duration.ofSeconds(10)).until(() -> alice.types().size() == 1 + bad.size() + 1);

            assertThat(alice.types()).containsOnly("ready", "error");
            assertThat(alice.frames()).filteredOn(frame -> IsolationSocket.type(frame).equals("error"))
                    .allSatisfy(frame -> assertThat(frame.path("code").asString())
                            .isIn("session_not_found", "invalid_subscribe"));
            assertNoLeak(alice, world.attackerSecrets(), String.join(" ", bad));
        }
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void ownerFollowsTheOwnSessionAndReceivesTheReply() {
        try (IsolationSocket byProtocol = authenticated(world.alice(), true)) {
            byProtocol.subscribe(world.victim().sessionId());
            byProtocol.awaitType("subscribed");
            String reply = "alice-ws-reply-" + UUID.randomUUID();
            Ids sent = conversationMessage("owner's own words " + UUID.randomUUID());
            replyAsTheWorker(sent, reply);

            assertThat(completion(byProtocol, sent).path("content").asString()).isEqualTo(reply);
        }
    }

    /**
     * The attackers subscribe to (and unsubscribe from) the victim's session while the victim follows it; the
     * victim then sends a message whose reply the victim's socket receives, and the attackers receive nothing.
     */
    private void attackersSeeNothingOfTheVictimsNextReply(Set<String> secrets, IsolationSocket... attackers) {
        DataSnapshot before = snapshot();
        Stream.of(attackers).forEach(this::attackTheVictimsSession);
        assertThat(snapshot()).as("data changed by the attackers").isEqualTo(before);
        try (IsolationSocket owner = authenticated(world.alice(), false)) {
            owner.subscribe(world.victim().sessionId());
            owner.awaitType("subscribed");
            String text = "alice-ws-words-" + UUID.randomUUID();
            String reply = "alice-ws-reply-" + UUID.randomUUID();
            Ids sent = conversationMessage(text);
            replyAsTheWorker(sent, reply);
            assertThat(completion(owner, sent).path("content").asString()).isEqualTo(reply);

            Set<String> all = new HashSet<>(secrets);
            all.addAll(Set.of(text, reply, sent.messageId()));
            await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5)).until(() -> Stream.of(attackers)
                    .allMatch(attacker -> attacker.types().stream().noneMatch(EVENTS::contains)));
            Stream.of(attackers).forEach(attacker -> {
                assertThat(attacker.types()).containsExactly("ready", "error", "error");
                assertNoLeak(attacker, all, world.victim().sessionId() + " " + world.victim().messageId());
            });
        }
    }

    /** Subscribes (plain and with a cursor) to the victim's session, which is not found, then unsubscribes. */
    private void attackTheVictimsSession(IsolationSocket attacker) {
        attacker.subscribe(world.victim().sessionId());
        attacker.subscribe(world.victim().sessionId(), world.victim().messageId());
        attacker.unsubscribe(world.victim().sessionId());
        await().atMost(Duration.ofSeconds(10)).until(() -> attacker.types().size() == 3);
        assertThat(attacker.frames().subList(1, 3)).allSatisfy(frame -> assertThat(frame.path("code").asString())
                .isEqualTo("session_not_found"));
    }

    private static JsonNode completion(IsolationSocket socket, Ids message) {
        return socket.awaitFrame(frame -> IsolationSocket.type(frame).equals("completed")
                && frame.path("message_id").asString().equals(message.messageId()));
    }

    /** A new message in the victim's session, sent through the REST API as the victim (queued, no worker runs). */
    private Ids conversationMessage(String text) {
        Ids victim = world.victim();
        String body = OperationCases.chatBody(victim).replace("hello from the isolation suite", text);
        HttpResponse<String> accepted = send(post("/api/chat", world.alice(), body));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String messageId = JsonPath.read(accepted.body(), "$.message_id");
        await().atMost(Duration.ofSeconds(10)).until(() -> send(HttpRequest.newBuilder(
                uri("/api/chat/" + messageId)).header("Authorization", "Bearer " + world.alice().token()).build())
                .statusCode() == 200);
        return new Ids(victim.tenantId(), victim.userId(), victim.sessionId(), messageId);
    }

    /** Does what worker-service does when a reply is done: stores the reply and marks the message completed. */
    private static void replyAsTheWorker(Ids ids, String content) {
        DynamoDbClient dynamoDb = standIns().dynamoDb();
        String table = TableNames.defaults().messages();
        String pk = ids.tenantId() + "#" + ids.sessionId();
        String now = Instant.now().toString();
        dynamoDb.putItem(r -> r.tableName(table).item(Map.ofEntries(Map.entry("pk", s(pk)),
                Map.entry("sk", s(ids.messageId() + "#2")), Map.entry("tenant_id", s(ids.tenantId())),
                Map.entry("session_id", s(ids.sessionId())), Map.entry("user_id", s(ids.userId())),
                Map.entry("message_id", s(ids.messageId())), Map.entry("role", s("assistant")),
                Map.entry("content", s(content)), Map.entry("status", s("completed")),
                Map.entry("model_id", s("isolation-suite")), Map.entry("input_tokens", n(3)),
                Map.entry("output_tokens", n(5)), Map.entry("created_at", s(now)))));
        dynamoDb.updateItem(r -> r.tableName(table)
                .key(Map.of("pk", s(pk), "sk", s(ids.messageId() + "#1")))
                .updateExpression("SET #status = :completed, updated_at = :now")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":completed", s("completed"), ":now", s(now))));
    }

    private IsolationSocket authenticated(Actor actor, boolean byProtocol) {
        IsolationSocket socket = connect(byProtocol ? actor.token() : null);
        if (!byProtocol) {
            socket.auth(actor.token());
        }
        assertThat(socket.awaitType("ready").path("user_id").asString()).isEqualTo(actor.userId());
        return socket;
    }

    private IsolationSocket connect(String protocolTokenOrNull) {
        return IsolationSocket.open(wsUri(), protocolTokenOrNull).join();
    }

    private URI wsUri() {
        return URI.create("ws://127.0.0.1:" + port + "/ws");
    }

    /** No frame is a subscription or an event, and none carries a secret the attacker did not send itself. */
    private static void assertNoLeak(IsolationSocket socket, Set<String> secrets, String sentOrNull) {
        String sent = sentOrNull == null ? "" : sentOrNull;
        assertThat(socket.types()).doesNotContain("subscribed").doesNotContainAnyElementsOf(EVENTS);
        secrets.stream().filter(secret -> !sent.contains(secret)).forEach(secret ->
                assertThat(socket.received()).as("frames leak %s", secret).doesNotContain(secret));
    }

    private static DataSnapshot snapshot() {
        StandIns s = standIns();
        return DataSnapshot.take(s.dynamoDb(), s.sqsClient(), s.chatQueueUrl(), DataSnapshot.everything());
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
