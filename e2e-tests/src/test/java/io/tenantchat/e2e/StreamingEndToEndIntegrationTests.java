package io.tenantchat.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.tenantchat.localstack.bedrock.BedrockStandIn.Settings;
import io.tenantchat.localstack.launcher.LocalSystem;
import io.tenantchat.localstack.provision.TestUser;
import java.net.URI;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Replies streamed over the WebSocket {@code /ws}, with Redis as the bus between the worker and the api instances
 * (Debian's redis-server must be installed: apt-get install -y redis-server).
 */
@Order(5)
@ResourceLock(SharedSystem.DEFAULT_LOCK)
class StreamingEndToEndIntegrationTests {

    @RegisterExtension
    static final SharedSystem SYSTEM = SharedSystem.of(SharedSystem.Kind.DEFAULT);

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    static LocalSystem system;
    static ApiClient api;
    static Conversations chats;
    static TestUser alice;
    static TestUser anna;
    static TestUser bob;

    @BeforeAll
    static void signIn() {
        system = SYSTEM.get();
        assertThat(system.redis()).as("redis-server is installed (apt-get install -y redis-server)").isPresent();
        api = new ApiClient(system.apiBaseUrl());
        chats = new Conversations(api);
        alice = system.user("tenant-stream-1", "alice@tenant-stream-1.example");
        anna = system.user("tenant-stream-1", "anna@tenant-stream-1.example");
        bob = system.user("tenant-stream-2", "bob@tenant-stream-2.example");
    }

    @AfterEach
    void fastModel() {
        system.bedrock().settings(Settings.defaults());
    }

    @Test
    void replyStreamsAsDeltasThenCompletesOnce() {
        String session = chats.startSession(alice);
        try (SocketClient socket = SocketClient.connect(system.apiBaseUrl(), alice.idToken())) {
            socket.subscribe(session, null);
            socket.awaitFrame(frame -> SocketClient.type(frame).equals("subscribed"));

            String messageId = chats.send(alice, session, "Stream this.");
            JsonNode completed = socket.awaitFrame(frame -> SocketClient.type(frame).equals("completed"));

            assertThat(completed.path("message_id").asString()).isEqualTo(messageId);
            assertThat(completed.path("usage").path("output_tokens").asInt()).isPositive();
            assertThat(socket.shownText(messageId)).isEqualTo(completed.path("content").asString());
            assertThat(SocketClient.types(socket.framesOf(messageId))).containsOnlyOnce("completed").contains("delta");
        }
    }

    /**
     * Stop (issue 23): a queued message never reaches the model, a generating one is stopped on the worker through
     * Redis, its stand-in stream is closed, what was generated is stored and metered once, and the quota hold of both
     * is given back.
     */
    @Test
    void stoppedRepliesEndCancelledWithTheirStreamClosedOnlyWhatWasGeneratedMeteredAndTheirHoldsReleased() {
        TestUser carol = system.user("tenant-stop-1", "carol@tenant-stop-1.example");
        String tenant = carol.tenantId();
        int callsBefore = system.bedrock().invocations(tenant);
        system.bedrock().settings(Settings.defaults().withTokensPerSecond(5));
        String session = chats.startSession(carol);
        try (SocketClient socket = SocketClient.connect(system.apiBaseUrl(), carol.idToken())) {
            socket.subscribe(session, null);
            socket.awaitFrame(frame -> SocketClient.type(frame).equals("subscribed"));
            String generating = chats.send(carol, session, "Tell me everything about the history of Paris in detail.");
            String queued = chats.send(carol, session, "And then about Lyon.");
            socket.awaitFrame(frame -> SocketClient.type(frame).equals("delta"));

            ApiClient.Response queuedStop = api.post("/api/chat/" + queued + "/cancel", carol.idToken(), null);
            long stopAsked = System.nanoTime();
            ApiClient.Response generatingStop = api.post("/api/chat/" + generating + "/cancel", carol.idToken(), null);
            await().atMost(Duration.ofSeconds(1)).until(() -> system.bedrock().streamsClosedByClient(tenant) == 1);
            long stoppedMillis = (System.nanoTime() - stopAsked) / 1_000_000;

            assertThat(queuedStop.status()).isEqualTo(202);
            assertThat(queuedStop.json().path("status").asString()).isEqualTo("cancelled");
            assertThat(generatingStop.status()).isEqualTo(202);
            assertThat(generatingStop.json().path("status").asString()).isEqualTo("processing");
            JsonNode stopped = socket.awaitFrame(frame -> SocketClient.type(frame).equals("cancelled")
                    && frame.path("message_id").asString().equals(generating));
            socket.awaitFrame(frame -> SocketClient.type(frame).equals("cancelled")
                    && frame.path("message_id").asString().equals(queued));
            String partial = stopped.path("content").asString();
            // a stop right after the first delta keeps only the first token ("[bedrock"): what was generated, no more
            assertThat(partial).as("stopped after %d ms", stoppedMillis).startsWith("[bedrock")
                    .doesNotContain("one word as one token").startsWith(socket.shownText(generating));
            JsonNode generatingNow = api.get("/api/chat/" + generating, carol.idToken()).json();
            assertThat(generatingNow.path("status").asString()).isEqualTo("cancelled");
            assertThat(generatingNow.path("reply").path("content").asString()).isEqualTo(partial);
            JsonNode queuedNow = api.get("/api/chat/" + queued + "?wait=5", carol.idToken()).json();
            assertThat(queuedNow.path("status").asString()).isEqualTo("cancelled");
            assertThat(queuedNow.path("reply").isNull()).isTrue();
            assertThat(api.post("/api/chat/" + generating + "/cancel", carol.idToken(), null).status())
                    .as("idempotent").isEqualTo(202);

            long outputTokens = stopped.path("usage").path("output_tokens").asLong();
            assertThat(outputTokens).as("estimated from the %d characters streamed", partial.length())
                    .isEqualTo((partial.length() + 3) / 4);
            JsonNode totals = await().atMost(PATIENCE).until(() -> api.get("/api/tenants/" + tenant + "/usage",
                    carol.idToken()).json().path("totals"), t -> t.path("invocations").asLong() >= 1);
            assertThat(totals.path("invocations").asLong()).as("metered once, the queued one never").isEqualTo(1);
            assertThat(totals.path("output_tokens").asLong()).isEqualTo(outputTokens);
            assertThat(totals.path("input_tokens").asLong())
                    .isEqualTo(stopped.path("usage").path("input_tokens").asLong()).isPositive();
            await().atMost(PATIENCE).until(() -> api.get("/api/tenants/" + tenant + "/subscription", carol.idToken())
                    .json().path("usage"), u -> u.path("in_flight").asLong() == 0
                    && u.path("tokens_reserved").asLong() == 0);
            assertThat(system.bedrock().invocations(tenant) - callsBefore).as("the queued one never reached the model")
                    .isEqualTo(1);
            assertThat(system.bedrock().openStreams(tenant)).isZero();
        }
    }

    @Test
    void subscribingToAnotherTenantsOrUsersSessionIsRefusedAndSendsNothing() {
        String session = chats.startSession(alice);
        String messageId = chats.send(alice, session, "Secret plans.");
        chats.awaitFinished(alice, messageId, PATIENCE);

        for (TestUser intruder : List.of(bob, anna)) {
            try (SocketClient socket = SocketClient.connect(system.apiBaseUrl(), intruder.idToken())) {
                socket.subscribe(session, null);

                JsonNode error = socket.awaitFrame(frame -> SocketClient.type(frame).equals("error"));
                assertThat(error.path("code").asString()).isEqualTo("session_not_found");
                assertThat(socket.frames()).extracting(SocketClient::type).doesNotContain("completed", "delta", "subscribed");
                assertThat(socket.frames().toString()).doesNotContain("Secret plans");
            }
        }
    }

    @Test
    void socketWithoutAValidTokenIsRefused() {
        String forged = alice.idToken().substring(0, alice.idToken().length() - 4) + "AAAA";

        assertThatThrownBy(() -> SocketClient.connectWithProtocol(system.apiBaseUrl(), forged))
                .hasCauseInstanceOf(WebSocketHandshakeException.class)
                .hasStackTraceContaining("401");
        try (SocketClient socket = SocketClient.connect(system.apiBaseUrl(), forged)) {
            assertThat(socket.frames()).extracting(f -> f.path("code").asString()).contains("unauthorized");
            await().atMost(PATIENCE).until(socket::isClosed);
        }
    }

    @Test
    void reconnectingWithACursorReplaysMissedRepliesAndResumesWithoutDuplicatedText() {
        String session = chats.startSession(alice);
        String earlier = chats.send(alice, session, "First question.");
        chats.awaitFinished(alice, earlier, PATIENCE);
        system.bedrock().settings(Settings.defaults().withTokensPerSecond(15));
        String messageId = chats.send(alice, session, "Second question, answered slowly.");

        SocketClient first = SocketClient.connect(system.apiBaseUrl(), alice.idToken());
        first.subscribe(session, earlier);
        first.awaitFrame(frame -> SocketClient.type(frame).equals("delta"));
        String seenBeforeDrop = first.shownText(messageId);
        first.close();

        try (SocketClient second = SocketClient.connectWithProtocol(system.apiBaseUrl(), alice.idToken())) {
            second.subscribe(session, earlier);
            JsonNode completed = second.awaitFrame(frame -> SocketClient.type(frame).equals("completed"));

            String content = completed.path("content").asString();
            assertThat(content).startsWith(seenBeforeDrop);
            assertThat(second.shownText(messageId)).isEqualTo(content);
            assertThat(second.framesOf(earlier)).isEmpty();
        }
        try (SocketClient late = SocketClient.connect(system.apiBaseUrl(), alice.idToken())) {
            late.subscribe(session, null);
            late.awaitFrame(frame -> SocketClient.type(frame).equals("completed")
                    && frame.path("message_id").asString().equals(messageId));
            assertThat(SocketClient.types(late.frames())).containsSubsequence("completed", "completed");
            assertThat(late.framesOf(messageId)).extracting(SocketClient::type).containsExactly("completed");
        }
    }

    @Test
    void clientOnOneApiInstanceReceivesTheDeltasOfAReplyRequestedThroughAnother() {
        URI instanceB = SYSTEM.secondApi();
        Conversations viaB = new Conversations(new ApiClient(instanceB));
        String session = viaB.startSession(alice);
        system.bedrock().settings(Settings.defaults().withTokensPerSecond(40));

        try (SocketClient onA = SocketClient.connectWithProtocol(system.apiBaseUrl(), alice.idToken())) {
            onA.subscribe(session, null);
            onA.awaitFrame(frame -> SocketClient.type(frame).equals("subscribed"));

            String messageId = viaB.send(alice, session, "Sent through instance B.");
            JsonNode completed = onA.awaitFrame(frame -> SocketClient.type(frame).equals("completed"));

            assertThat(completed.path("message_id").asString()).isEqualTo(messageId);
            List<JsonNode> deltas = onA.framesOf(messageId).stream()
                    .filter(frame -> SocketClient.type(frame).equals("delta")).toList();
            assertThat(deltas).hasSizeGreaterThan(5);
            assertThat(deltas).extracting(d -> d.path("seq").asLong()).isSorted().doesNotHaveDuplicates();
            assertThat(onA.shownText(messageId)).isEqualTo(completed.path("content").asString());
        }
    }
}
