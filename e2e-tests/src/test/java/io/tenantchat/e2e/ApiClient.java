package io.tenantchat.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the running api-service, as any client would call it. */
final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    ApiClient(URI base) {
        this.base = base;
    }

    Response get(String path, String token) {
        return send(request(path, token).GET());
    }

    Response delete(String path, String token) {
        return send(request(path, token).DELETE());
    }

    Response post(String path, String token, String jsonBody) {
        HttpRequest.Builder request = request(path, token).header("Content-Type", "application/json")
                .POST(jsonBody == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(jsonBody));
        return send(request);
    }

    /** A POST with an {@code Idempotency-Key} header. */
    Response post(String path, String token, String jsonBody, String idempotencyKey) {
        HttpRequest.Builder request = request(path, token).header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey).POST(HttpRequest.BodyPublishers.ofString(jsonBody));
        return send(request);
    }

    /** A POST with a W3C {@code traceparent} header: the api continues the caller's trace. */
    Response postTraced(String path, String token, String jsonBody, String traceparent) {
        HttpRequest.Builder request = request(path, token).header("Content-Type", "application/json")
                .header("traceparent", traceparent).POST(HttpRequest.BodyPublishers.ofString(jsonBody));
        return send(request);
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Response(int status, String contentType, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }
    }
}
