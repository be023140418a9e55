package io.tenantchat.api.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tenantchat.api.security.TestTokens;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * One user cannot hold unbounded work on an api instance: sockets per user, subscriptions per socket and waiting
 * long polls are capped (error frame or 429 problem), and a slot comes back when its socket closes or its long poll
 * ends, so counting never leaks. Also: a socket is closed when its token expires.
 */
class PerCallerBoundsIntegrationTests extends GuardedApi {

    @Test
    void socketPastTheUsersMaximumGetsAnErrorFrameAndIsClosedUntilOneOfTheirsCloses() {
        String tenant = registeredTenant("open", null);
        Actor alice = World.actor(TOKENS, tenant, "alice");
        List<IsolationSocket> open = new ArrayList<>();
        IntStream.range(0, SOCKETS_PER_USER).forEach(i -> open.add(socket(alice)));

        try (IsolationSocket extra = IsolationSocket.open(wsUri(), null).join();
                IsolationSocket colleague = socket(World.actor(TOKENS, tenant, "anna"))) {
            extra.auth(alice.token());
            extra.awaitClosed();
            assertThat(extra.types()).containsExactly("error");
            assertThat(extra.frames().get(0).path("code").asString()).isEqualTo("too_many_sockets");
            assertThat(colleague.types()).contains("ready");
        }

        open.remove(0).close();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            try (IsolationSocket again = IsolationSocket.open(wsUri(), null).join()) {
                again.auth(alice.token());
                assertThat(again.awaitFrame(frame -> true).path("type").asString()).isEqualTo("ready");
            }
        });
        open.forEach(IsolationSocket::close);
    }

    @Test
    void subscriptionPastTheSocketsMaximumIsRefusedUntilOneIsDropped() {
        Actor alice = World.actor(TOKENS, registeredTenant("open", null), "alice");
        List<String> sessions = IntStream.rangeClosed(0, SUBSCRIPTIONS_PER_SOCKET).mapToObj(i -> newSession(alice))
                .toList();

        try (IsolationSocket socket = socket(alice)) {
            sessions.subList(0, SUBSCRIPTIONS_PER_SOCKET).forEach(session -> {
                socket.subscribe(session);
                socket.awaitFrame(frame -> session.equals(frame.path("session_id").asString()));
            });
            String last = sessions.get(SUBSCRIPTIONS_PER_SOCKET);
            socket.subscribe(last);

            assertThat(socket.awaitType("error").path("code").asString()).isEqualTo("too_many_subscriptions");
            socket.unsubscribe(sessions.get(0));
            socket.subscribe(last);
            assertThat(socket.awaitFrame(frame -> last.equals(frame.path("session_id").asString()))
                    .path("type").asString()).isEqualTo("subscribed");
            assertThat(socket.isClosed()).isFalse();
        }
    }

    @Test
    void longPollPastTheUsersMaximumIs429AndTheSlotsComeBackWhenTheyEnd() {
        Actor alice = World.actor(TOKENS, registeredTenant("open", null), "alice");
        String messageId = conversation(alice, "a question nobody answers here").messageId();
        String probePath = "/api/chat/" + messageId + "?wait=1";
        List<CompletableFuture<HttpResponse<String>>> waiting = IntStream.range(0, LONG_POLLS_PER_USER)
                .mapToObj(i -> HTTP.sendAsync(request("/api/chat/" + messageId + "?wait=8", alice),
                        HttpResponse.BodyHandlers.ofString()))
                .toList();

        // a probe admitted before the slow polls arrived holds a slot for 1 s only, then the next probe is tried
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> refused = get(probePath, alice);
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(429);
            assertThat(refused.body()).contains("\"code\":\"too_many_long_polls\"");
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        });
        assertThat(get("/api/chat/" + messageId, alice).statusCode()).as("a plain read").isEqualTo(200);

        waiting.forEach(poll -> assertThat(poll.join().statusCode()).isEqualTo(200));
        for (int i = 0; i < LONG_POLLS_PER_USER + 1; i++) {
            assertThat(get("/api/chat/" + messageId + "?wait=1", alice).statusCode())
                    .as("slots came back after the polls ended").isEqualTo(200);
        }
    }

    @Test
    void sessionPastTheUsersMaximumIs429ProblemWritesNothingAndDeletingOneMakesRoom() {
        String tenant = registeredTenant("open", null);
        Actor alice = World.actor(TOKENS, tenant, "alice");
        List<String> sessions = new ArrayList<>();
        IntStream.range(0, SESSIONS_PER_USER).forEach(i -> sessions.add(newSession(alice)));

        HttpResponse<String> refused = send(post("/api/sessions", alice, null));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.body()).contains("\"code\":\"too_many_sessions_per_user\"", "\"limit\":" + SESSIONS_PER_USER,
                "\"status\":429", "delete one to start another");
        assertThat(refused.headers().firstValue("RateLimit-Limit")).contains(Integer.toString(SESSIONS_PER_USER));
        assertThat(refused.headers().firstValue("Retry-After")).as("waiting frees no session").isEmpty();
        assertThat(sessionIds(alice)).as("nothing written").containsExactlyInAnyOrderElementsOf(sessions);

        assertThat(send(delete("/api/sessions/" + sessions.get(0), alice)).statusCode()).isEqualTo(204);
        String again = newSession(alice);
        assertThat(send(post("/api/sessions", alice, null)).statusCode()).as("full again").isEqualTo(429);
        assertThat(sessionIds(alice)).hasSize(SESSIONS_PER_USER).contains(again);
    }

    @Test
    void anotherUsersOrAnotherTenantsSessionsDoNotCountTowardsTheUsersMaximum() {
        String tenant = registeredTenant("open", null);
        Actor alice = World.actor(TOKENS, tenant, "alice");
        IntStream.range(0, SESSIONS_PER_USER).forEach(i -> newSession(alice));
        assertThat(send(post("/api/sessions", alice, null)).statusCode()).isEqualTo(429);

        Actor colleague = World.actor(TOKENS, tenant, "anna");
        Actor namesakeElsewhere = World.actor(TOKENS, registeredTenant("open", null), "alice");
        for (Actor other : List.of(colleague, namesakeElsewhere)) {
            IntStream.range(0, SESSIONS_PER_USER).forEach(i -> newSession(other));
            assertThat(sessionIds(other)).hasSize(SESSIONS_PER_USER);
        }
        assertThat(sessionIds(alice)).hasSize(SESSIONS_PER_USER);
    }

    private List<String> sessionIds(Actor actor) {
        HttpResponse<String> listed = get("/api/sessions", actor);
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        return com.jayway.jsonpath.JsonPath.read(listed.body(), "$.sessions[*].session_id");
    }

    private HttpRequest delete(String path, Actor actor) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + actor.token()).DELETE().build();
    }

    @Test
    void socketIsClosedWhenItsTokenExpires() {
        String tenant = registeredTenant("open", null);
        String user = "short-lived-" + UUID.randomUUID();
        String token = TOKENS.sign(TestTokens.claims(tenant, user).expiresIn(Duration.ofSeconds(4)));
        Actor forever = World.actor(TOKENS, tenant, "forever");

        try (IsolationSocket expiring = socket(new Actor(tenant, user, token));
                IsolationSocket lasting = socket(forever)) {
            expiring.awaitClosed();

            assertThat(expiring.closeReason()).isEqualTo("1008 token expired");
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> !lasting.isClosed());
        }
    }

    private HttpRequest request(String path, Actor actor) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + actor.token()).GET().build();
    }
}
