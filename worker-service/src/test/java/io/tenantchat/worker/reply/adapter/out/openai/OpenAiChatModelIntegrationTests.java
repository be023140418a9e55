package io.tenantchat.worker.reply.adapter.out.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantchat.localstack.openai.OpenAiStandIn;
import io.tenantchat.localstack.openai.OpenAiStandIn.Fault;
import io.tenantchat.localstack.openai.OpenAiStandIn.Settings;
import io.tenantchat.localstack.standin.Pacing;
import io.tenantchat.worker.reply.config.ModelPropertiesTestData;
import io.tenantchat.worker.reply.domain.ChatModelException;
import io.tenantchat.worker.reply.domain.Conversation;
import io.tenantchat.worker.reply.domain.ConversationTestData;
import io.tenantchat.worker.reply.domain.ErrorCode;
import io.tenantchat.worker.reply.domain.ModelReply;
import io.tenantchat.worker.reply.domain.ModelSettings;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The adapter over HTTP against the OpenAI-compatible stand-in, as against Ollama or llama-server. */
class OpenAiChatModelIntegrationTests {

    private static final Conversation CONVERSATION =
            ConversationTestData.forTenant("tenant-001", "What is the capital of France?");

    private static OpenAiStandIn standIn;
    private static HttpClient http;
    private static OpenAiChatModel chatModel;

    @BeforeAll
    static void start() {
        standIn = OpenAiStandIn.start(Settings.defaults());
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        chatModel = new OpenAiChatModel(http, ModelPropertiesTestData.openAi(
                standIn.endpoint().toString(), "llama3.2", "local-key", Duration.ofSeconds(10)));
    }

    @AfterAll
    static void stop() {
        standIn.close();
    }

    @BeforeEach
    void noFault() {
        standIn.settings(Settings.defaults().withApiKey("local-key"));
    }

    @Test
    void streamsTheReplyToTheListenerInOrderAndReturnsItWithUsage() {
        List<String> deltas = new ArrayList<>();

        ModelReply reply = chatModel.reply(CONVERSATION, ModelSettings.of(256), deltas::add);

        assertThat(reply.text()).startsWith("[openai stand-in] (tenant tenant-001) You said: What is the capital");
        assertThat(String.join("", deltas)).isEqualTo(reply.text());
        assertThat(deltas).hasSizeGreaterThan(10);
        assertThat(reply.modelId()).isEqualTo("llama3.2");
        assertThat(reply.outputTokens()).isEqualTo(deltas.size());
        assertThat(reply.inputTokens()).as("words of all messages").isEqualTo(20);
        assertThat(reply.cacheReadInputTokens()).as("prompt_tokens_details.cached_tokens").isZero();
    }

    @Test
    void tenantProfilesModelTemperatureAndOutputBoundGoOverTheWire() {
        ModelSettings profile = new ModelSettings(42, "qwen2.5", 0.15f, null,
                java.util.Set.of(ModelSettings.MODEL, ModelSettings.TEMPERATURE, ModelSettings.MAX_OUTPUT_TOKENS));

        ModelReply reply = chatModel.reply(CONVERSATION, profile, text -> { });

        assertThat(reply.modelId()).isEqualTo("qwen2.5");
        String body = standIn.lastRequest().orElseThrow().body();
        assertThat(body).contains("\"model\":\"qwen2.5\"").contains("\"max_tokens\":42")
                .contains("\"temperature\":0.15");
    }

    @Test
    void refusesAGuardrailItCannotApplyWithoutCallingTheServer() {
        int before = standIn.invocations();
        ModelSettings guarded = new ModelSettings(256, null, null,
                new io.tenantchat.worker.reply.domain.Guardrail("gr0abc12", "1"), java.util.Set.of(ModelSettings.GUARDRAIL));

        assertThatThrownBy(() -> chatModel.reply(CONVERSATION, guarded, text -> { }))
                .isInstanceOfSatisfying(ChatModelException.class, e -> assertThat(e.isRetryable()).isFalse())
                .hasMessageContaining("guardrail");
        assertThat(standIn.invocations()).isEqualTo(before);
    }

    @Test
    void deltasReachTheListenerWhileTheModelIsStillStreaming() {
        standIn.settings(Settings.defaults().withApiKey("local-key").withPacing(new Pacing(Duration.ofMillis(10), 20)));
        long[] firstDelta = new long[1];
        long started = System.nanoTime();

        chatModel.reply(CONVERSATION, ModelSettings.of(256), text -> {
            if (firstDelta[0] == 0) {
                firstDelta[0] = System.nanoTime();
            }
        });

        long finished = System.nanoTime();
        assertThat(Duration.ofNanos(finished - firstDelta[0])).as("about 45 tokens at 20/s after the first")
                .isGreaterThan(Duration.ofSeconds(1));
        assertThat(firstDelta[0]).isGreaterThan(started);
    }

    @Test
    void aClientsConversationIsSentAsGivenWithItsModelAndTemperatureAndNoEmptySystemMessage() {
        Conversation given = Conversation.given(new io.tenantchat.shared.GivenConversation(List.of(
                        new io.tenantchat.shared.GivenConversation.Message("user", "Hi"),
                        new io.tenantchat.shared.GivenConversation.Message("assistant", "Hello"),
                        new io.tenantchat.shared.GivenConversation.Message("user", "Bye")), "client-model", 9, 0.25),
                new io.tenantchat.worker.reply.domain.ConversationScope(io.tenantchat.shared.TenantId.of("tenant-001"),
                        io.tenantchat.shared.UserId.of("user-1"), io.tenantchat.shared.SessionId.random()));

        ModelReply reply = chatModel.reply(given, ModelSettings.of(256).withClient(given.options(), 9), text -> { });

        JsonNode body = JsonMapper.builder().build().readTree(standIn.lastRequest().orElseThrow().body());
        assertThat(body.path("model").asString()).isEqualTo("client-model");
        assertThat(body.path("temperature").asDouble()).isEqualTo(0.25);
        assertThat(body.path("max_tokens").asInt()).isEqualTo(9);
        assertThat(body.path("messages")).hasSize(3);
        assertThat(body.path("messages").get(0).path("role").asString()).isEqualTo("user");
        assertThat(body.path("messages").get(2).path("content").asString()).isEqualTo("Bye");
        assertThat(reply.modelId()).isEqualTo("client-model");
    }

    @Test
    void sendsTheTenantOnlyInTheSystemMessageAndAlwaysMaxTokens() {
        chatModel.reply(CONVERSATION, ModelSettings.of(7), text -> { });

        JsonNode body = JsonMapper.builder().build().readTree(standIn.lastRequest().orElseThrow().body());
        assertThat(body.path("max_tokens").asInt()).isEqualTo(7);
        assertThat(body.path("stream").asBoolean()).isTrue();
        assertThat(body.path("stream_options").path("include_usage").asBoolean()).isTrue();
        assertThat(body.path("messages").get(0).path("role").asString()).isEqualTo("system");
        assertThat(body.path("messages").get(0).path("content").asString()).contains("tenant: tenant-001");
        assertThat(body.path("messages").get(3).path("content").asString()).isEqualTo("What is the capital of France?");
        assertThat(standIn.lastRequest().orElseThrow().header("authorization")).hasValue("Bearer local-key");
    }

    @ParameterizedTest
    @MethodSource("faults")
    void mapsEachHttpErrorAsTheTableSays(Fault.Kind kind, boolean retryable, ErrorCode code) {
        standIn.settings(Settings.defaults().withApiKey("local-key").withFault(Fault.of(kind, 1)));

        assertThatThrownBy(() -> chatModel.reply(CONVERSATION, ModelSettings.of(256), text -> { }))
                .asInstanceOf(InstanceOfAssertFactories.type(ChatModelException.class))
                .satisfies(e -> assertThat(e.isRetryable()).isEqualTo(retryable))
                .satisfies(e -> assertThat(e.failure().code()).isEqualTo(code));
    }

    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of(Fault.Kind.RATE_LIMITED, true, ErrorCode.MODEL_UNAVAILABLE),
                Arguments.of(Fault.Kind.SERVER_ERROR, true, ErrorCode.MODEL_UNAVAILABLE),
                Arguments.of(Fault.Kind.SERVICE_UNAVAILABLE, true, ErrorCode.MODEL_UNAVAILABLE),
                Arguments.of(Fault.Kind.BAD_REQUEST, false, ErrorCode.INVALID_REQUEST),
                Arguments.of(Fault.Kind.MODEL_NOT_FOUND, false, ErrorCode.MODEL_NOT_FOUND));
    }

    @Test
    void validationErrorCarriesTheServersReason() {
        standIn.settings(Settings.defaults().withApiKey("local-key").withFault(Fault.of(Fault.Kind.BAD_REQUEST, 1)));

        assertThatThrownBy(() -> chatModel.reply(CONVERSATION, ModelSettings.of(256), text -> { }))
                .asInstanceOf(InstanceOfAssertFactories.type(ChatModelException.class))
                .satisfies(e -> assertThat(e.failure().reason())
                        .isEqualTo("The model rejected the request: Injected invalid request. (openai stand-in)"));
    }

    @Test
    void wrongApiKeyIsAccessDenied() {
        standIn.settings(Settings.defaults().withApiKey("another-key"));

        assertThatThrownBy(() -> chatModel.reply(CONVERSATION, ModelSettings.of(256), text -> { }))
                .asInstanceOf(InstanceOfAssertFactories.type(ChatModelException.class))
                .satisfies(e -> assertThat(e.failure().code()).isEqualTo(ErrorCode.MODEL_ACCESS_DENIED));
    }

    @Test
    void errorInsideTheStreamIsRetryableAfterPartialText() {
        standIn.settings(Settings.defaults().withApiKey("local-key").withFault(Fault.errorInStreamAfter(3, 1)));
        List<String> deltas = new ArrayList<>();

        assertThatThrownBy(() -> chatModel.reply(CONVERSATION, ModelSettings.of(256), deltas::add))
                .asInstanceOf(InstanceOfAssertFactories.type(ChatModelException.class))
                .satisfies(e -> assertThat(e.isRetryable()).isTrue());
        assertThat(deltas).hasSize(3);
    }

    @Test
    void slowStartPastTheCallTimeoutIsRetryable() {
        standIn.settings(Settings.defaults().withApiKey("local-key")
                .withPacing(new Pacing(Duration.ofSeconds(3), 200)));
        OpenAiChatModel impatient = new OpenAiChatModel(http, ModelPropertiesTestData.openAi(
                standIn.endpoint().toString(), "llama3.2", "local-key", Duration.ofMillis(500)));

        assertThatThrownBy(() -> impatient.reply(CONVERSATION, ModelSettings.of(256), text -> { }))
                .asInstanceOf(InstanceOfAssertFactories.type(ChatModelException.class))
                .satisfies(e -> assertThat(e.isRetryable()).isTrue())
                .satisfies(e -> assertThat(e.failure().reason()).isEqualTo(OpenAiErrors.TIMED_OUT));
    }

    @Test
    void unreachableServerIsRetryable() {
        OpenAiChatModel nowhere = new OpenAiChatModel(http, ModelPropertiesTestData.openAi(
                "http://127.0.0.1:1", "llama3.2", null, Duration.ofSeconds(5)));

        assertThatThrownBy(() -> nowhere.reply(CONVERSATION, ModelSettings.of(256), text -> { }))
                .asInstanceOf(InstanceOfAssertFactories.type(ChatModelException.class))
                .satisfies(e -> assertThat(e.isRetryable()).isTrue());
    }
}
