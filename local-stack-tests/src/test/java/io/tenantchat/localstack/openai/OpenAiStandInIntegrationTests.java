package io.tenantchat.localstack.openai;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantchat.localstack.openai.OpenAiStandIn.Fault;
import io.tenantchat.localstack.openai.OpenAiStandIn.Settings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The OpenAI-compatible stand-in driven over HTTP/1.1 by the JDK client, as the worker's adapter talks to it. */
class OpenAiStandInIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BODY = """
            {"model": "llama3.2", "max_tokens": %d, "stream": %s, "stream_options": {"include_usage": %s},
             "messages": [{"role": "system", "content": "Be brief.\\ntenant: acme"},
                          {"role": "user", "content": "What is the capital of France?"}]}""";

    private static OpenAiStandIn standIn;
    private static HttpClient http;

    @BeforeAll
    static void start() {
        standIn = OpenAiStandIn.start(Settings.defaults());
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterAll
    static void stop() {
        standIn.close();
    }

    @BeforeEach
    void noFault() {
        standIn.settings(Settings.defaults());
    }

    @Test
    void streamsContentChunksThenUsageThenDone() throws Exception {
        HttpResponse<String> response = post(BODY.formatted(500, true, true));

        List<String> events = dataLines(response.body());
        assertThat(response.headers().firstValue("content-type")).hasValue("text/event-stream");
        assertThat(events.get(events.size() - 1)).isEqualTo("[DONE]");
        String text = events.stream().filter(e -> !e.equals("[DONE]")).map(this::tree)
                .filter(chunk -> !chunk.path("choices").isEmpty())
                .map(chunk -> chunk.path("choices").get(0).path("delta").path("content").asString(""))
                .collect(Collectors.joining());
        assertThat(text).startsWith("[openai stand-in] (tenant acme) You said: What is the capital of France?");
        JsonNode usage = tree(events.get(events.size() - 2));
        assertThat(usage.path("choices").isEmpty()).isTrue();
        assertThat(usage.path("usage").path("prompt_tokens").asInt()).isEqualTo(10);
        assertThat(usage.path("usage").path("completion_tokens").asInt()).isEqualTo(text.split(" ").length);
    }

    @Test
    void leavesOutTheUsageChunkUnlessAsked() throws Exception {
        List<String> events = dataLines(post(BODY.formatted(500, true, false)).body());

        assertThat(events.stream().filter(e -> e.contains("\"usage\""))).isEmpty();
    }

    @Test
    void answersWithOneCompletionWhenNotStreaming() throws Exception {
        JsonNode completion = tree(post(BODY.formatted(4, false, false)).body());

        assertThat(completion.path("choices").get(0).path("message").path("content").asString())
                .isEqualTo("[openai stand-in] (tenant acme)");
        assertThat(completion.path("choices").get(0).path("finish_reason").asString()).isEqualTo("length");
    }

    @Test
    void rateLimitFaultAnswers429OnceThenRecovers() throws Exception {
        standIn.settings(Settings.defaults().withFault(Fault.of(Fault.Kind.RATE_LIMITED, 1)));

        HttpResponse<String> limited = post(BODY.formatted(5, true, true));
        HttpResponse<String> next = post(BODY.formatted(5, true, true));

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(tree(limited.body()).path("error").path("type").asString()).isEqualTo("rate_limit_exceeded");
        assertThat(next.statusCode()).isEqualTo(200);
    }

    @Test
    void errorInStreamArrivesAfterTheGivenTokens() throws Exception {
        standIn.settings(Settings.defaults().withFault(Fault.errorInStreamAfter(2, 1)));

        List<String> events = dataLines(post(BODY.formatted(500, true, true)).body());

        assertThat(events).hasSize(4);
        assertThat(tree(events.get(3)).path("error").path("message").asString()).contains("openai stand-in");
    }

    @Test
    void refusesAWrongApiKey() throws Exception {
        standIn.settings(Settings.defaults().withApiKey("secret"));

        assertThat(post(BODY.formatted(5, true, true)).statusCode()).isEqualTo(401);
    }

    @Test
    void refusesABodyWithoutMessages() throws Exception {
        HttpResponse<String> response = post("{\"model\": \"m\", \"messages\": []}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(tree(response.body()).path("error").path("type").asString()).isEqualTo("invalid_request_error");
    }

    private HttpResponse<String> post(String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(standIn.endpoint() + "/v1/chat/completions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> dataLines(String body) {
        return body.lines().filter(line -> line.startsWith("data: ")).map(line -> line.substring(6)).toList();
    }

    private JsonNode tree(String json) {
        return JSON.readTree(json);
    }
}
