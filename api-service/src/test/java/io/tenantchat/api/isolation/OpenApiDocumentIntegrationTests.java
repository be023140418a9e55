package io.tenantchat.api.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document is served without a token and describes what the running service really answers: every
 * {@code /api} operation is under the bearer scheme with problem responses, and the owner's real answers of every
 * operation, and a real problem answer, use only documented properties (so the document cannot drift). Also the
 * hardening that only a real server shows: chunked bodies over the limit, container-level errors as problem JSON.
 */
class OpenApiDocumentIntegrationTests extends RunningApi {

    @Test
    void servesTheDocumentAndSwaggerUiWithoutAToken() throws IOException {
        HttpResponse<String> document = get("/v3/api-docs");
        assertThat(document.statusCode()).isEqualTo(200);
        // kept as a build artifact for reviewers and client generators
        Files.writeString(Path.of("target", "openapi.json"), document.body());
        HttpResponse<String> ui = get("/swagger-ui/index.html");
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("script-src 'self'"));
    }

    @Test
    void putsEveryApiOperationUnderTheBearerSchemeWithProblemAnswers() {
        ApiDocument document = ApiDocument.fetch(this);
        JsonNode scheme = document.root().path("components").path("securitySchemes").path("cognito-id-token");

        assertThat(scheme.path("scheme").asString()).isEqualTo("bearer");
        assertThat(scheme.path("bearerFormat").asString()).isEqualTo("JWT");
        for (String key : document.operationKeys()) {
            JsonNode operation = document.operation(key);
            assertThat(operation.path("security").toString()).as(key).contains("cognito-id-token");
            if (key.contains(" /v1/")) { // the OpenAI-compatible API answers in OpenAI's error shape
                assertThat(operation.path("responses").path("401").path("content").path("application/json")
                        .path("schema").path("$ref").asString()).as(key).isEqualTo("#/components/schemas/OpenAiError");
                continue;
            }
            assertThat(operation.path("responses").path("401").path("content").path("application/problem+json")
                    .path("schema").path("$ref").asString()).as(key).isEqualTo("#/components/schemas/Problem");
        }
    }

    @Test
    void realAnswersUseOnlyDocumentedProperties() {
        ApiDocument document = ApiDocument.fetch(this);
        Actor admin = World.actor(TOKENS, "tenant-doc", "doc-admin", "tenant-admin");
        Ids ids = seed(admin);
        List<String> undocumented = new ArrayList<>();
        for (OperationCase op : OperationCases.ALL) {
            // platform administration is open to platform operators only
            Actor caller = op.scope().operatorOnly() ? World.operator(TOKENS) : admin;
            HttpResponse<String> answer = send(op.request(this::uri, ids, caller.token()));
            assertThat(answer.statusCode()).as("%s -> %s", op.key(), answer.body()).isBetween(200, 299);
            if (answer.statusCode() == 202 && answer.body().contains("\"job_id\"")) {
                // an erasure or off-boarding: nothing else in this class may meet it still running
                awaitCompleted(ApiDocument.JSON.readTree(answer.body()).path("job_id").asString(), caller);
            }
            if (answer.statusCode() == 204) {
                assertThat(answer.body()).as("%s answers 204 with no content", op.key()).isEmpty();
                continue;
            }
            if (answer.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream")) {
                assertThat(document.operation(op.key()).path("responses").path("200").path("content")
                        .has("text/event-stream")).as("%s documents its event stream", op.key()).isTrue();
                continue;
            }
            if (answer.headers().firstValue("Content-Type").orElse("").startsWith("application/x-ndjson")) {
                undocumented.addAll(document.undocumentedLines(answer.body(), op.key()));
                continue;
            }
            JsonNode schema = document.responseSchema(op.key(), answer.statusCode());
            if (schema.isMissingNode()) {
                undocumented.add(op.key() + " documents no JSON answer for " + answer.statusCode());
            } else {
                undocumented.addAll(document.undocumented(ApiDocument.JSON.readTree(answer.body()), schema, op.key()));
            }
        }
        HttpResponse<String> problem = get("/api/sessions");
        undocumented.addAll(document.undocumented(ApiDocument.JSON.readTree(problem.body()),
                document.root().path("components").path("schemas").path("Problem"), "Problem"));

        assertThat(undocumented).as("answer properties missing from /v3/api-docs").isEmpty();
    }

    @Test
    void refusesAChunkedBodyThatGrowsPastTheLimitWith413() {
        Actor alice = World.actor(TOKENS, "tenant-doc", "chunky");
        byte[] big = ("{\"message\": \"" + "x".repeat(300_000) + "\"}").getBytes();
        HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("/api/chat"))
                .header("Authorization", "Bearer " + alice.token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build());

        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void answersRequestsTheContainerRejectsWithProblemJson() {
        HttpResponse<String> answer = get("/api/sessions/%2e%2e%2f%2e%2e%2factuator");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("at io.");
    }

    /** A session with one message and an API key, owned by {@code owner}, whose ids fill every operation's path. */
    private Ids seed(Actor owner) {
        // a job of the owner's for GET /api/jobs/{jobId}: its erasure of itself, before it has any data
        String job = ApiDocument.JSON.readTree(send(post("/api/tenants/" + owner.tenantId() + "/users/"
                + owner.userId() + "/erase", owner, null)).body()).path("job_id").asString();
        awaitCompleted(job, owner);
        HttpResponse<String> created = send(HttpRequest.newBuilder(uri("/api/sessions"))
                .header("Authorization", "Bearer " + owner.token()).POST(HttpRequest.BodyPublishers.noBody()).build());
        String session = ApiDocument.JSON.readTree(created.body()).path("session_id").asString();
        Ids ids = new Ids(owner.tenantId(), owner.userId(), session, UUID.randomUUID().toString());
        HttpResponse<String> accepted = send(OperationCases.byKey().get("POST /api/chat").request(this::uri, ids,
                owner.token()));
        String message = ApiDocument.JSON.readTree(accepted.body()).path("message_id").asString();
        HttpResponse<String> key = send(post("/api/tenants/" + owner.tenantId() + "/api-keys", owner,
                "{\"label\": \"doc\"}"));
        String keyId = ApiDocument.JSON.readTree(key.body()).path("key_id").asString();
        Ids seeded = new Ids(owner.tenantId(), owner.userId(), session, message, keyId).withJobId(job);
        failMessage(seeded);
        return seeded;
    }

    private void awaitCompleted(String jobId, Actor starter) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> "completed".equals(ApiDocument.JSON.readTree(
                send(HttpRequest.newBuilder(uri("/api/jobs/" + jobId)).header("Authorization", "Bearer "
                        + starter.token()).GET().build()).body()).path("status").asString()));
    }

    private HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }
}
