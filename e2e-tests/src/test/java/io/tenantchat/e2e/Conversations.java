package io.tenantchat.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tenantchat.localstack.provision.TestUser;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/** What a client does over HTTP: start sessions, send messages, wait for replies. */
final class Conversations {

    private final ApiClient api;

    Conversations(ApiClient api) {
        this.api = api;
    }

    String startSession(TestUser user) {
        ApiClient.Response created = api.post("/api/sessions", user.idToken(), null);
        assertThat(created.status()).isEqualTo(201);
        return created.json().path("session_id").asString();
    }

    /** Sends {@code text}; returns the new message id. */
    String send(TestUser user, String sessionId, String text) {
        ApiClient.Response accepted = api.post("/api/chat", user.idToken(), body(user, sessionId, text));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        return accepted.json().path("message_id").asString();
    }

    JsonNode awaitFinished(TestUser user, String messageId, Duration patience) {
        return await().atMost(patience).pollInterval(Duration.ofMillis(250))
                .until(() -> api.get("/api/chat/" + messageId, user.idToken()).json(),
                        json -> json.path("status").asString().matches("completed|failed"));
    }

    JsonNode messages(TestUser user, String sessionId) {
        return api.get("/api/sessions/" + sessionId + "/messages?limit=200", user.idToken()).json().path("messages");
    }

    static String body(TestUser user, String sessionId, String message) {
        return """
                {"message": "%s", "tenant_context": {"tenant_id": "%s", "user_id": "%s", "session_id": "%s"}}
                """.formatted(message, user.tenantId(), user.userId(), sessionId);
    }
}
