package io.tenantchat.worker.reply.adapter.out.agentcore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantchat.localstack.AwsClients;
import io.tenantchat.localstack.agentcore.AgentCoreStandIn;
import io.tenantchat.localstack.agentcore.AgentCoreStandIn.Fault;
import io.tenantchat.localstack.agentcore.AgentCoreStandIn.Format;
import io.tenantchat.localstack.agentcore.AgentCoreStandIn.Settings;
import io.tenantchat.localstack.standin.Pacing;
import io.tenantchat.worker.reply.config.ModelPropertiesTestData;
import io.tenantchat.worker.reply.domain.ChatModelException;
import io.tenantchat.worker.reply.domain.Conversation;
import io.tenantchat.worker.reply.domain.ConversationTestData;
import io.tenantchat.worker.reply.domain.ErrorCode;
import io.tenantchat.worker.reply.domain.ModelReply;
import io.tenantchat.worker.reply.domain.ModelSettings;
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
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.bedrockagentcore.BedrockAgentCoreAsyncClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The real async AgentCore client (bedrockagentcore 2.40.3 on the 2.57.8 core) against the AgentCore stand-in. */
class AgentCoreChatModelIntegrationTests {

    private static final String ARN =
            "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/tenantchat_agent-Ab12Cd34Ef";
    private static final String QUESTION = "What is the capital of France?";
    private static final Conversation CONVERSATION = ConversationTestData.forTenant("tenant-001", QUESTION);

    private static AgentCoreStandIn standIn;
    private static BedrockAgentCoreAsyncClient client;
    private static AgentCoreChatModel chatModel;

    @BeforeAll
    static void start() {
        standIn = AgentCoreStandIn.start(Settings.defaults());
        client = BedrockAgentCoreAsyncClient.builder()
                .endpointOverride(standIn.endpoint())
                .region(AwsClients.REGION)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(AwsClients.ACCESS_KEY, AwsClients.SECRET_KEY)))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
        chatModel = new AgentCoreChatModel(client, ModelPropertiesTestData.agentCore(ARN, Duration.ofSeconds(10)));
    }

    @AfterAll
    static void stop() {
        client.close();
        standIn.close();
    }

    @BeforeEach
    void noFault() {
        standIn.settings(Settings.defaults());
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void streamsTheAgentsTextToTheListenerInOrder(Format format) {
        standIn.settings(Settings.defaults().withFormat(format));
        List<String> deltas = new ArrayList<>();

        ModelReply reply = chatModel.reply(CONVERSATION, ModelSettings.of(256), deltas::add);

        assertThat(reply.text()).startsWith("[agentcore stand-in] (tenant tenant-001) You said: " + QUESTION);
        assertThat(String.join("", deltas)).isEqualTo(reply.text());
        assertThat(deltas).hasSizeGreaterThan(10);
        assertThat(reply.modelId()).isEqualTo("agentcore:" + ARN);
        assertThat(reply.agentId()).as("what usage is metered under").isEqualTo(ARN);
    }

    @Test
    void usageIsUnknownUnlessTheAgentReportsIt() {
        ModelReply silent = chatModel.reply(CONVERSATION, ModelSettings.of(256), text -> { });
        standIn.settings(Settings.defaults().withUsage(true));
        ModelReply reported = chatModel.reply(CONVERSATION, ModelSettings.of(256), text -> { });

        assertThat(silent.inputTokens()).isNull();
        assertThat(silent.outputTokens()).isNull();
        assertThat(reported.inputTokens()).as("words of system prompt and messages").isEqualTo(20);
        assertThat(reported.outputTokens()).isEqualTo(reported.text().split(" ").length);
    }

    @Test
    void tenantPromptAndOutputBoundReachTheRuntimeButAProfileModelIsRefused() {
        io.tenantchat.worker.reply.domain.Conversation prompted = new io.tenantchat.worker.reply.domain.Conversation(
                CONVERSATION.systemPrompt() + "\n\nAnswer like a pirate.", CONVERSATION.turns());
        chatModel.reply(prompted, new ModelSettings(64, null, null, null,
                java.util.Set.of(ModelSettings.SYSTEM_PROMPT, ModelSettings.MAX_OUTPUT_TOKENS)), text -> { });

        JsonNode payload = JsonMapper.builder().build().readTree(standIn.lastRequest().orElseThrow().body());
        assertThat(payload.path("system").asString()).endsWith("Answer like a pirate.");
        assertThat(payload.path("max_tokens").asInt()).isEqualTo(64);
        assertThatThrownBy(() -> chatModel.reply(CONVERSATION, new ModelSettings(64, "us.model-a:0", null, null,
                java.util.Set.of(ModelSettings.MODEL)), text -> { }))
                .isInstanceOfSatisfying(ChatModelException.class, e -> assertThat(e.isRetryable()).isFalse())
                .hasMessageContaining("model");
    }

    @Test
    void sendsAJsonPayloadWithTheTenantInItsOwnFieldAndADerivedSession() {
        chatModel.reply(CONVERSATION, ModelSettings.of(99), text -> { });

        var request = standIn.lastRequest().orElseThrow();
        JsonNode payload = JsonMapper.builder().build().readTree(request.body());
        assertThat(payload.path("prompt").asString()).isEqualTo(QUESTION);
        assertThat(payload.path("tenant_id").asString()).isEqualTo("tenant-001");
        assertThat(payload.path("messages")).hasSize(3);
        assertThat(payload.path("max_tokens").asInt()).isEqualTo(99);
        assertThat(request.header("x-amzn-bedrock-agentcore-runtime-session-id"))
                .hasValue("tenant-001:" + ConversationTestData.SESSION);
        assertThat(request.path()).contains("arn%3Aaws%3Abedrock-agentcore");
        assertThat(request.header("authorization")).hasValueSatisfying(a -> assertThat(a).startsWith("AWS4-HMAC"));
    }

    @Test
    void errorEventInsideTheStreamIsRetryable() {
        standIn.settings(Settings.defaults().withFault(Fault.errorInStreamAfter(3, 1)));
        List<String> deltas = new ArrayList<>();

        assertThatThrownBy(() -> chatModel.reply(CONVERSATION, ModelSettings.of(256), deltas::add))
                .asInstanceOf(InstanceOfAssertFactories.type(ChatModelException.class))
                .satisfies(e -> assertThat(e.isRetryable()).isTrue())
                .satisfies(e -> assertThat(e.failure().reason()).isEqualTo("The agent is busy right now."));
        assertThat(deltas).hasSize(3);
    }

    @Test
    void streamStillRunningAtTheCallTimeoutIsCutAndRetryable() {
        chatModel.reply(CONVERSATION, ModelSettings.of(256), text -> { });
        standIn.settings(Settings.defaults().withPacing(new Pacing(Duration.ofMillis(10), 5)));
        AgentCoreChatModel impatient =
                new AgentCoreChatModel(client, ModelPropertiesTestData.agentCore(ARN, Duration.ofMillis(1500)));
        List<String> deltas = new ArrayList<>();
        long started = System.nanoTime();

        assertThatThrownBy(() -> impatient.reply(CONVERSATION, ModelSettings.of(256), deltas::add))
                .asInstanceOf(InstanceOfAssertFactories.type(ChatModelException.class))
                .satisfies(e -> assertThat(e.isRetryable()).isTrue())
                .satisfies(e -> assertThat(e.failure().reason()).isEqualTo(AgentCoreErrors.TIMED_OUT));
        assertThat(deltas).as("cut while streaming").isNotEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("45 tokens at 5/s would take 9 s")
                .isLessThan(Duration.ofSeconds(5));
    }

    @ParameterizedTest
    @MethodSource("faults")
    void mapsEachAgentCoreErrorAsTheTableSays(Fault.Kind kind, boolean retryable, ErrorCode code) {
        standIn.settings(Settings.defaults().withFault(Fault.of(kind, 1)));

        assertThatThrownBy(() -> chatModel.reply(CONVERSATION, ModelSettings.of(256), text -> { }))
                .asInstanceOf(InstanceOfAssertFactories.type(ChatModelException.class))
                .satisfies(e -> assertThat(e.isRetryable()).isEqualTo(retryable))
                .satisfies(e -> assertThat(e.failure().code()).isEqualTo(code));
    }

    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of(Fault.Kind.THROTTLING, true, ErrorCode.MODEL_UNAVAILABLE),
                Arguments.of(Fault.Kind.SERVICE_QUOTA_EXCEEDED, true, ErrorCode.MODEL_UNAVAILABLE),
                Arguments.of(Fault.Kind.INTERNAL_SERVER, true, ErrorCode.MODEL_UNAVAILABLE),
                Arguments.of(Fault.Kind.RUNTIME_CLIENT_ERROR, true, ErrorCode.MODEL_UNAVAILABLE),
                Arguments.of(Fault.Kind.VALIDATION, false, ErrorCode.INVALID_REQUEST),
                Arguments.of(Fault.Kind.ACCESS_DENIED, false, ErrorCode.MODEL_ACCESS_DENIED),
                Arguments.of(Fault.Kind.RESOURCE_NOT_FOUND, false, ErrorCode.MODEL_NOT_FOUND));
    }
}
