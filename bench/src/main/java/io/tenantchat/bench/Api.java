package io.tenantchat.bench;

import io.tenantchat.localstack.provision.TestUser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The api over HTTP, as a client calls it. */
final class Api {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;

    Api(URI base) {
        this.base = base;
    }

    String createSession(TestUser user) {
        JsonNode created = send("POST", "/api/sessions", user.idToken(), null, 201);
        return created.path("session_id").asString();
    }

    /** Sends a chat message; returns its message id (fails unless answered 202). */
    String chat(TestUser user, String sessionId, String text) {
        String body = """
                {"message": "%s", "tenant_context": {"tenant_id": "%s", "user_id": "%s", "session_id": "%s"}}"""
                .formatted(text, user.tenantId(), user.userId(), sessionId);
        return send("POST", "/api/chat", user.idToken(), body, 202).path("message_id").asString();
    }

    /** What {@code POST /api/chat} answered: its status, and the message id when accepted (202). */
    record Sent(int status, String messageId, String body) {
        boolean accepted() {
            return status == 202;
        }
    }

    /** Sends a chat message and reports what the api answered, refusals included. */
    Sent tryChat(TestUser user, String sessionId, String text) {
        String body = """
                {"message": "%s", "tenant_context": {"tenant_id": "%s", "user_id": "%s", "session_id": "%s"}}"""
                .formatted(text, user.tenantId(), user.userId(), sessionId);
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/chat")).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + user.idToken()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = exchange(http, request);
        String id = response.statusCode() == 202 ? JSON.readTree(response.body()).path("message_id").asString() : null;
        return new Sent(response.statusCode(), id, response.body());
    }

    /** {@code PUT /api/admin/tenants/{tenant}} as an operator: registers a tenant with a real tier. */
    void registerTenant(TestUser operator, String tenant, String json) {
        send("PUT", "/api/admin/tenants/" + tenant, operator.idToken(), json, 200);
    }

    String status(TestUser user, String messageId) {
        return send("GET", "/api/chat/" + messageId, user.idToken(), null, 200).path("status").asString();
    }

    /** GET on any service (actuator), with an optional bearer token. */
    static JsonNode getJson(HttpClient http, URI url, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = exchange(http, request.build());
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
    }

    /** GET returning the body as text (200 only), e.g. {@code /actuator/prometheus}; null otherwise. */
    static String getText(HttpClient http, URI url, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = exchange(http, request.build());
        return response.statusCode() == 200 ? response.body() : null;
    }

    HttpClient http() {
        return http;
    }

    private JsonNode send(String method, String path, String token, String body, int expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = exchange(http, request.build());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> exchange(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
