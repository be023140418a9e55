package io.tenantchat.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tenantchat.localstack.bedrock.BedrockStandIn;
import io.tenantchat.localstack.launcher.LocalSystem;
import io.tenantchat.localstack.provision.TestUser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceLock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Machine clients against the running system (issue 22): the OFFICIAL {@code openai} npm client (installed by this
 * module's build from {@code openai-client/package-lock.json}) runs {@code openai-client/check.mjs} with a tenant's
 * API key: a completion, a streamed one with usage, the model list, an Idempotency-Key another tenant reuses, and a
 * wrong key, a revoked key and an unknown model refused. The usage the client saw is what the tenant's usage
 * endpoint then shows; another tenant's key finds none of this tenant's messages. The reply's Server-Sent Events
 * ({@code GET /api/chat/{id}/events}) are read with a plain HTTP client, dropped mid-reply and resumed with
 * {@code Last-Event-ID}.
 */
@Order(8)
@ResourceLock(SharedSystem.DEFAULT_LOCK)
class OpenAiClientEndToEndIntegrationTests {

    @RegisterExtension
    static final SharedSystem SYSTEM = SharedSystem.of(SharedSystem.Kind.DEFAULT);

    private static final Path CLIENT_DIR = Path.of("openai-client").toAbsolutePath();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String MODEL = "anthropic.claude-3-5-sonnet-20241022-v2:0";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static LocalSystem system;
    static ApiClient api;
    static TestUser adminA;
    static TestUser adminB;

    @BeforeAll
    static void tenants() {
        system = SYSTEM.get();
        api = new ApiClient(system.apiBaseUrl());
        String run = UUID.randomUUID().toString().substring(0, 8);
        adminA = system.tenantAdmin("tenant-oai-a-" + run, "admin@oai-a-" + run + ".example");
        adminB = system.tenantAdmin("tenant-oai-b-" + run, "admin@oai-b-" + run + ".example");
    }

    @Test
    void theOfficialOpenAiClientCompletesStreamsListsAndIsRefusedWhereItMustBeAndUsageMatches() throws Exception {
        String key = apiKey(adminA);
        String revoked = apiKey(adminA);
        assertThat(api.delete("/api/tenants/" + adminA.tenantId() + "/api-keys/" + keyId(revoked), adminA.idToken())
                .status()).isEqualTo(204);
        String otherTenantKey = apiKey(adminB);
        String wrongKey = key.substring(0, key.length() - 4) + "AAAA";

        JsonNode seen = runClient(Map.of("baseURL", system.apiBaseUrl().resolve("/v1").toString(), "key", key,
                "model", MODEL, "wrongKey", wrongKey, "revokedKey", revoked, "otherTenantKey", otherTenantKey,
                "sharedIdempotencyKey", "shared-" + UUID.randomUUID()));

        JsonNode completion = seen.path("completion");
        assertThat(completion.path("object").asString()).isEqualTo("chat.completion");
        assertThat(completion.path("role").asString()).isEqualTo("assistant");
        assertThat(completion.path("content").asString()).contains("You said: What is the capital of France?");
        assertThat(completion.path("finishReason").asString()).isIn("stop", "length");
        assertThat(total(completion.path("usage"))).isPositive();
        JsonNode stream = seen.path("stream");
        assertThat(stream.path("role").asString()).isEqualTo("assistant");
        assertThat(stream.path("content").asString()).contains("You said: Stream this, please.");
        assertThat(stream.path("finishReason").asString()).isEqualTo("stop");
        assertThat(stream.path("ids")).hasSize(1);
        assertThat(total(stream.path("usage"))).isPositive();
        assertThat(seen.path("models").valueStream().map(JsonNode::asString).toList()).contains(MODEL);
        JsonNode shared = seen.path("sharedKey");
        assertThat(shared.path("theirs").path("id").asString()).isNotEqualTo(shared.path("mine").path("id").asString());
        assertThat(shared.path("theirs").path("content").asString()).contains("tenant B asks")
                .doesNotContain("tenant A asks");
        assertThat(seen.path("wrongKey").path("status").asInt()).isEqualTo(401);
        assertThat(seen.path("revokedKey").path("status").asInt()).isEqualTo(401);
        assertThat(seen.path("unknownModel").path("status").asInt()).isEqualTo(404);
        assertThat(seen.path("unknownModel").path("code").asString()).isEqualTo("model_not_found");

        long prompt = 0;
        long output = 0;
        for (JsonNode usage : List.of(completion.path("usage"), stream.path("usage"), shared.path("mine").path("usage"))) {
            prompt += usage.path("prompt_tokens").asLong();
            output += usage.path("completion_tokens").asLong();
        }
        long expectedPrompt = prompt;
        long expectedOutput = output;
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode totals = api.get("/api/tenants/" + adminA.tenantId() + "/usage", key).json().path("totals");
            assertThat(totals.path("invocations").asLong()).isEqualTo(3);
            assertThat(totals.path("input_tokens").asLong()).isEqualTo(expectedPrompt);
            assertThat(totals.path("output_tokens").asLong()).isEqualTo(expectedOutput);
        });

        String messageId = completion.path("id").asString().substring("chatcmpl-".length());
        assertThat(api.get("/api/chat/" + messageId, key).status()).isEqualTo(200);
        assertThat(api.get("/api/chat/" + messageId, otherTenantKey).status()).isEqualTo(404);
        assertThat(api.get("/api/chat/" + messageId + "/events", otherTenantKey).status()).isEqualTo(404);
        assertThat(api.get("/api/tenants/" + adminA.tenantId() + "/usage", otherTenantKey).status()).isIn(403, 404);
    }

    @Test
    void replyEventsResumeAfterTheLastEventIdWithOnlyTheMissingText() throws Exception {
        String key = apiKey(adminB); // tenant B: tenant A's usage belongs to the other test
        String session = api.post("/api/sessions", key, null).json().path("session_id").asString();
        system.bedrock().settings(BedrockStandIn.Settings.defaults().withTokensPerSecond(25));
        try {
            String messageId = api.post("/api/chat", key, """
                    {"message": "resume me", "tenant_context": {"session_id": "%s"}}""".formatted(session))
                    .json().path("message_id").asString();
            URI events = system.apiBaseUrl().resolve("/api/chat/" + messageId + "/events");

            String lastId;
            StringBuilder text = new StringBuilder();
            try (EventLines first = EventLines.open(events, key, null)) {
                assertThat(first.status()).isEqualTo(200);
                lastId = first.awaitFirstDeltaId();
                text.append(first.textUpTo(lastId));
            }
            try (EventLines resumed = EventLines.open(events, key, lastId)) {
                resumed.awaitEnd();
                assertThat(resumed.lines()).contains("event:completed").doesNotContain("id:" + lastId);
                text.append(resumed.deltaText());
                String content = JSON.readTree(resumed.dataOf("completed")).path("content").asString();
                assertThat(text.toString()).isEqualTo(content);
            }
        } finally {
            system.bedrock().settings(BedrockStandIn.Settings.defaults());
        }
    }

    private static long total(JsonNode usage) {
        assertThat(usage.path("total_tokens").asLong())
                .isEqualTo(usage.path("prompt_tokens").asLong() + usage.path("completion_tokens").asLong());
        return usage.path("total_tokens").asLong();
    }

    private static String apiKey(TestUser admin) {
        ApiClient.Response created = api.post("/api/tenants/" + admin.tenantId() + "/api-keys", admin.idToken(),
                "{\"label\": \"e2e openai client\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("secret").asString();
    }

    private static String keyId(String key) {
        return key.substring("tck_".length(), "tck_".length() + 20);
    }

    /** Runs the node script with the official client; its last output line is what it saw. */
    private static JsonNode runClient(Map<String, String> config) throws IOException, InterruptedException {
        assertThat(CLIENT_DIR.resolve("node_modules/openai/package.json")).as("installed by the e2e-tests build")
                .exists();
        Path log = Files.createTempFile("openai-client", ".log");
        Process node = new ProcessBuilder("node", "check.mjs", JSON.writeValueAsString(config))
                .directory(CLIENT_DIR.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean ended = node.waitFor(2, TimeUnit.MINUTES);
        if (!ended) {
            node.destroyForcibly();
        }
        List<String> output = Files.readAllLines(log);
        assertThat(ended && node.exitValue() == 0).as("node check.mjs: %s", String.join("\n", output)).isTrue();
        return JSON.readTree(output.getLast());
    }

    /** A {@code text/event-stream} response read line by line on its own thread (java.net.http, no SSE library). */
    private static final class EventLines implements AutoCloseable {

        private static final Pattern DELTA_ID = Pattern.compile("id:(\\d+:\\d+)");

        private final HttpResponse<java.io.InputStream> response;
        private final List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
        private volatile boolean ended;

        private EventLines(HttpResponse<java.io.InputStream> response) {
            this.response = response;
            Thread.ofVirtual().start(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(),
                        StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        lines.add(line);
                    }
                } catch (IOException closed) {
                    // dropped by close()
                } finally {
                    ended = true;
                }
            });
        }

        static EventLines open(URI uri, String key, String lastEventId) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + key)
                    .header("Accept", "text/event-stream");
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            try {
                return new EventLines(HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        int status() {
            return response.statusCode();
        }

        List<String> lines() {
            synchronized (lines) {
                return List.copyOf(lines);
            }
        }

        /** The id of the first delta whose data line has arrived. */
        String awaitFirstDeltaId() {
            return await().atMost(Duration.ofSeconds(20)).until(() -> {
                List<String> now = lines();
                for (int i = 0; i + 2 < now.size(); i++) {
                    Matcher id = DELTA_ID.matcher(now.get(i));
                    if (id.matches() && now.get(i + 1).equals("event:delta") && now.get(i + 2).startsWith("data:")) {
                        return id.group(1);
                    }
                }
                return null;
            }, found -> found != null);
        }

        /** The text of the deltas up to and including the one with {@code id}. */
        String textUpTo(String id) {
            StringBuilder text = new StringBuilder();
            List<String> now = lines();
            for (int i = 0; i + 2 < now.size(); i++) {
                if (now.get(i).startsWith("id:") && now.get(i + 1).equals("event:delta")) {
                    text.append(JSON.readTree(now.get(i + 2).substring("data:".length())).path("text").asString());
                    if (now.get(i).equals("id:" + id)) {
                        return text.toString();
                    }
                }
            }
            throw new AssertionError("no delta " + id + " in " + now);
        }

        String deltaText() {
            StringBuilder text = new StringBuilder();
            List<String> now = lines();
            for (int i = 0; i + 1 < now.size(); i++) {
                if (now.get(i).equals("event:delta") && now.get(i + 1).startsWith("data:")) {
                    text.append(JSON.readTree(now.get(i + 1).substring("data:".length())).path("text").asString());
                }
            }
            return text.toString();
        }

        String dataOf(String event) {
            List<String> now = lines();
            int at = now.indexOf("event:" + event);
            return now.get(at + 1).substring("data:".length());
        }

        void awaitEnd() {
            await().atMost(Duration.ofSeconds(30)).until(() -> ended);
        }

        @Override
        public void close() {
            try {
                response.body().close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }
}
