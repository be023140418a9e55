package io.tenantchat.worker.reply.adapter.out.bedrockagent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantchat.localstack.AwsClients;
import io.tenantchat.localstack.bedrockagent.BedrockAgentStandIn;
import io.tenantchat.localstack.bedrockagent.BedrockAgentStandIn.Fault;
import io.tenantchat.localstack.bedrockagent.BedrockAgentStandIn.Settings;
import io.tenantchat.localstack.standin.Pacing;
import io.tenantchat.worker.reply.config.ModelPropertiesTestData;
import io.tenantchat.worker.reply.domain.ChatModelException;
import io.tenantchat.worker.reply.domain.ChatTurn;
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
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.bedrockagentruntime.BedrockAgentRuntimeAsyncClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The real async Bedrock Agent Runtime client (default Netty) against the Bedrock Agent stand-in. */
class BedrockAgentChatModelIntegrationTests {

    private static final String QUESTION = "What is the capital of France?";
    private static final Conversation CONVERSATION = ConversationTestData.forTenant("tenant-001", QUESTION);

    private static BedrockAgentStandIn standIn;
    private static BedrockAgentRuntimeAsyncClient client;
    private static BedrockAgentChatModel withTrace;
    private static BedrockAgentChatModel withoutTrace;

    @BeforeAll
    static void start() {
        standIn = BedrockAgentStandIn.start(Settings.defaults());
        client = BedrockAgentRuntimeAsyncClient.builder()
                .endpointOverride(standIn.endpoint())
                .region(AwsClients.REGION)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(AwsClients.ACCESS_KEY, AwsClients.SECRET_KEY)))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
        withTrace = new BedrockAgentChatModel(client, ModelPropertiesTestData.agent("AGENT12345", "TSTALIASID", true));
        withoutTrace =
                new BedrockAgentChatModel(client, ModelPropertiesTestData.agent("AGENT12345", "TSTALIASID", false));
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

    @Test
    void streamsDecodedChunksToTheListenerInOrder() {
        List<String> deltas = new ArrayList<>();

        ModelReply reply = withoutTrace.reply(CONVERSATION, ModelSettings.of(256), deltas::add);

        assertThat(reply.text()).startsWith("[bedrock-agent stand-in] (tenant tenant-001) You said: " + QUESTION);
        assertThat(String.join("", deltas)).isEqualTo(reply.text());
        assertThat(deltas).hasSizeGreaterThan(10);
        assertThat(reply.modelId()).isEqualTo("bedrock-agent:AGENT12345/TSTALIASID");
        assertThat(reply.agentId()).as("what usage is metered under").isEqualTo("AGENT12345/TSTALIASID");
    }

    @Test
    void deltasReachTheListenerWhileTheModelIsStillStreaming() {
        standIn.settings(Settings.defaults().withPacing(new Pacing(Duration.ofMillis(10), 20)));
        long[] firstDelta = new long[1];
        long started = System.nanoTime();

        withoutTrace.reply(CONVERSATION, ModelSettings.of(256), text -> {
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
    void usageIsUnknownWithoutTheTrace() {
        ModelReply reply = withoutTrace.reply(CONVERSATION, ModelSettings.of(256), text -> { });

        assertThat(reply.inputTokens()).isNull();
        assertThat(reply.outputTokens()).isNull();
    }

    @Test
    void usageIsTheSumOfTheModelInvocationsInTheTrace() {
        ModelReply reply = withTrace.reply(CONVERSATION, ModelSettings.of(256), text -> { });

        int words = reply.text().split(" ").length;
        assertThat(reply.inputTokens()).as("pre-processing + orchestration input").isEqualTo(6 + 6);
        assertThat(reply.outputTokens()).as("pre-processing + orchestration output").isEqualTo(1 + words);
    }

    @Test
    void sendsOnlyTheUserTextWithTheTenantInSessionAttributes() {
        withoutTrace.reply(CONVERSATION, ModelSettings.of(256), text -> { });

        var request = standIn.lastRequest().orElseThrow();
        JsonNode body = JsonMapper.builder().build().readTree(request.body());
        assertThat(body.path("inputText").asString()).isEqualTo(QUESTION);
        assertThat(body.path("sessionState").path("sessionAttributes").path("tenant_id").asString())
                .isEqualTo("tenant-001");
        assertThat(body.path("sessionState").path("promptSessionAttributes").path("session_id").asString())
                .isEqualTo(ConversationTestData.SESSION);
        assertThat(request.path()).endsWith("/sessions/tenant-001%3A" + ConversationTestData.SESSION + "/text");
        assertThat(request.header("authorization")).hasValueSatisfying(a -> assertThat(a).startsWith("AWS4-HMAC"));
    }

    @Test
    void anotherTenantsSameSessionGetsAnotherAgentSession() {
        withoutTrace.reply(CONVERSATION, ModelSettings.of(256), text -> { });
        String first = standIn.lastRequest().orElseThrow().path();
        withoutTrace.reply(ConversationTestData.forTenant("tenant-002", QUESTION), ModelSettings.of(256), text -> { });

        assertThat(standIn.lastRequest().orElseThrow().path()).isNotEqualTo(first).contains("tenant-002");
    }

    @Test
    void refusesAClientsConversationOfMoreThanOneMessageWhichTheAgentWouldCutToItsLast() {
        Conversation given = Conversation.given(new io.tenantchat.shared.GivenConversation(List.of(
                        new io.tenantchat.shared.GivenConversation.Message("user", "Hi"),
                        new io.tenantchat.shared.GivenConversation.Message("assistant", "Hello"),
                        new io.tenantchat.shared.GivenConversation.Message("user", QUESTION)), "any", null, null),
                new io.tenantchat.worker.reply.domain.ConversationScope(io.tenantchat.shared.TenantId.of("tenant-001"),
                        io.tenantchat.shared.UserId.of("user-1"), io.tenantchat.shared.SessionId.random()));

        assertThatThrownBy(() -> withoutTrace.reply(given, ModelSettings.of(256), text -> { }))
                .asInstanceOf(InstanceOfAssertFactories.type(ChatModelException.class))
                .satisfies(e -> {
                    assertThat(e.isRetryable()).isFalse();
                    assertThat(e.failure().code()).isEqualTo(ErrorCode.INVALID_REQUEST);
                });
    }

    @Test
    void refusesAConversationWithoutTenant() {
        Conversation anonymous = new Conversation("You are TenantChat.", List.of(ChatTurn.user(QUESTION)));

        assertThatThrownBy(() -> withoutTrace.reply(anonymous, ModelSettings.of(256), text -> { }))
                .asInstanceOf(InstanceOfAssertFactories.type(ChatModelException.class))
                .satisfies(e -> assertThat(e.isRetryable()).isFalse());
    }

    @Test
    void throttlingInsideTheStreamIsRetryable() {
        standIn.settings(Settings.defaults().withFault(Fault.throttlingInStreamAfter(3, 1)));
        int before = standIn.invocations();

        assertThatThrownBy(() -> withoutTrace.reply(CONVERSATION, ModelSettings.of(256), text -> { }))
                .asInstanceOf(InstanceOfAssertFactories.type(ChatModelException.class))
                .satisfies(e -> assertThat(e.isRetryable()).isTrue())
                .satisfies(e -> assertThat(e.failure().reason()).isEqualTo("The agent is busy right now."));
        assertThat(standIn.invocations() - before).as("no SDK retry of the stream").isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("faults")
    void mapsEachAgentErrorAsTheTableSays(Fault.Kind kind, boolean retryable, ErrorCode code) {
        standIn.settings(Settings.defaults().withFault(Fault.of(kind, 1)));

        assertThatThrownBy(() -> withoutTrace.reply(CONVERSATION, ModelSettings.of(256), text -> { }))
                .asInstanceOf(InstanceOfAssertFactories.type(ChatModelException.class))
                .satisfies(e -> assertThat(e.isRetryable()).isEqualTo(retryable))
                .satisfies(e -> assertThat(e.failure().code()).isEqualTo(code));
    }

    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of(Fault.Kind.THROTTLING, true, ErrorCode.MODEL_UNAVAILABLE),
                Arguments.of(Fault.Kind.INTERNAL_SERVER, true, ErrorCode.MODEL_UNAVAILABLE),
                Arguments.of(Fault.Kind.DEPENDENCY_FAILED, true, ErrorCode.MODEL_UNAVAILABLE),
                Arguments.of(Fault.Kind.VALIDATION, false, ErrorCode.INVALID_REQUEST),
                Arguments.of(Fault.Kind.ACCESS_DENIED, false, ErrorCode.MODEL_ACCESS_DENIED),
                Arguments.of(Fault.Kind.RESOURCE_NOT_FOUND, false, ErrorCode.MODEL_NOT_FOUND));
    }

    @Test
    void refusesAnyTenantProfileSettingWithoutCallingTheAgent() {
        int before = standIn.invocations();

        assertThatThrownBy(() -> withoutTrace.reply(CONVERSATION, new ModelSettings(256, null, null, null,
                java.util.Set.of(ModelSettings.SYSTEM_PROMPT)), text -> { }))
                .isInstanceOfSatisfying(ChatModelException.class, e -> assertThat(e.isRetryable()).isFalse())
                .hasMessageContaining("system_prompt");
        assertThat(standIn.invocations()).isEqualTo(before);
    }
}
