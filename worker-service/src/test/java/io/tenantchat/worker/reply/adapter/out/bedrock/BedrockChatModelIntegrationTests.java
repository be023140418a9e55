package io.tenantchat.worker.reply.adapter.out.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import io.tenantchat.worker.reply.application.RunningReplies;
import io.tenantchat.worker.reply.domain.MessageRef;
import java.time.Clock;

import io.tenantchat.localstack.AwsClients;
import io.tenantchat.localstack.bedrock.BedrockStandIn;
import io.tenantchat.localstack.bedrock.BedrockStandIn.Fault;
import io.tenantchat.localstack.bedrock.BedrockStandIn.Settings;
import io.tenantchat.worker.reply.config.ModelProperties;
import io.tenantchat.worker.reply.config.ModelPropertiesTestData;
import io.tenantchat.worker.reply.domain.ChatModelException;
import io.tenantchat.worker.reply.domain.ChatTurn;
import io.tenantchat.worker.reply.domain.Conversation;
import io.tenantchat.worker.reply.domain.ConversationTestData;
import io.tenantchat.worker.reply.domain.ErrorCode;
import io.tenantchat.worker.reply.application.ReplyListener;
import io.tenantchat.worker.reply.domain.ModelReply;
import io.tenantchat.worker.reply.domain.ModelSettings;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;

/** The real async Bedrock client (default Netty, h2c) against the Bedrock stand-in. */
class BedrockChatModelIntegrationTests {

    private static final ModelProperties MODEL =
            ModelPropertiesTestData.bedrock("anthropic.claude-3-5-sonnet-20241022-v2:0");
    private static final String OVERRIDE = "us.anthropic.claude-sonnet-4-20250514-v1:0";
    private static final Conversation CONVERSATION = new Conversation(
            "You are TenantChat, a helpful assistant.\ntenant: tenant-001",
            List.of(ChatTurn.user("Hi"), ChatTurn.assistant("Hello!"), ChatTurn.user("What is the capital of France?")));

    private static BedrockStandIn standIn;
    private static BedrockRuntimeAsyncClient client;
    private static BedrockChatModel chatModel;

    @BeforeAll
    static void startStandIn() {
        standIn = BedrockStandIn.start(Settings.defaults());
        client = BedrockRuntimeAsyncClient.builder()
                .endpointOverride(standIn.endpoint())
                .region(AwsClients.REGION)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(AwsClients.ACCESS_KEY, AwsClients.SECRET_KEY)))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
        chatModel = new BedrockChatModel(client, MODEL);
    }

    @AfterAll
    static void stopStandIn() {
        client.close();
        standIn.close();
    }

    @BeforeEach
    void noFault() {
        standIn.settings(Settings.defaults().withFault(Fault.none()));
    }

    @Test
    void streamedReplyIsCollectedWithUsage() {
        ModelReply reply = chatModel.reply(CONVERSATION, ModelSettings.of(256), ReplyListener.NONE);

        assertThat(reply.text()).startsWith("[bedrock stand-in] (tenant tenant-001)")
                .contains("You said: What is the capital of France?");
        assertThat(reply.modelId()).isEqualTo(MODEL.modelId());
        assertThat(reply.inputTokens()).isPositive();
        assertThat(reply.outputTokens()).isEqualTo(reply.text().split(" ").length);
        assertThat(reply.cacheReadInputTokens()).as("reported by the stand-in, which caches nothing").isZero();
        assertThat(reply.cacheWriteInputTokens()).isZero();
        assertThat(reply.latency()).isPositive();
    }

    @Test
    void tenantWithAModelOverrideIsAnsweredByItsModel() {
        BedrockChatModel perTenant = new BedrockChatModel(client,
                ModelPropertiesTestData.bedrock(MODEL.modelId(), Map.of("tenant-001", OVERRIDE)));

        ModelReply reply = perTenant.reply(ConversationTestData.forTenant("tenant-001", "Hi"), ModelSettings.of(256), ReplyListener.NONE);

        assertThat(reply.modelId()).isEqualTo(OVERRIDE);
        assertThat(reply.text()).contains("for model " + OVERRIDE + ",");
    }

    @Test
    void aClientsConversationIsAnsweredByItsChosenModelWithoutASystemBlockWhenItHasNone() {
        BedrockChatModel perTenant = new BedrockChatModel(client,
                ModelPropertiesTestData.bedrock(MODEL.modelId(), Map.of("tenant-001", MODEL.modelId())));
        io.tenantchat.worker.reply.domain.Conversation given = io.tenantchat.worker.reply.domain.Conversation.given(
                new io.tenantchat.shared.GivenConversation(java.util.List.of(
                        new io.tenantchat.shared.GivenConversation.Message("user", "Hi there")), OVERRIDE, 4, 0.1),
                new io.tenantchat.worker.reply.domain.ConversationScope(TenantId.of("tenant-001"),
                        io.tenantchat.shared.UserId.of("6f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f"), SessionId.random()));

        // the service applies the client's choices within the profile's settings: its max_tokens only lowers the bound
        ModelReply reply = perTenant.reply(given, ModelSettings.of(256).withClient(given.options(), 4),
                ReplyListener.NONE);

        assertThat(reply.modelId()).isEqualTo(OVERRIDE);
        assertThat(reply.outputTokens()).isEqualTo(4);
    }

    @Test
    void tenantProfileReachesBedrockOverTheWire() {
        String tenant = "tenant-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        Conversation conversation = new Conversation("tenant: " + tenant + "\n\nAnswer like a pirate.",
                List.of(ChatTurn.user("Hi")));
        ModelSettings profile = new ModelSettings(77, OVERRIDE, 0.2f,
                new io.tenantchat.worker.reply.domain.Guardrail("gr0abc12", "3"), java.util.Set.of("model"));

        ModelReply reply = chatModel.reply(conversation, profile, ReplyListener.NONE);

        assertThat(reply.modelId()).isEqualTo(OVERRIDE);
        assertThat(standIn.received(tenant)).singleElement().satisfies(received -> {
            assertThat(received.systemText()).endsWith("Answer like a pirate.");
            assertThat(received.modelId()).isEqualTo(OVERRIDE);
            assertThat(received.maxTokens()).isEqualTo(77);
            assertThat(received.temperature()).isCloseTo(0.2, org.assertj.core.data.Offset.offset(1e-6));
            assertThat(received.guardrailId()).isEqualTo("gr0abc12");
            assertThat(received.guardrailVersion()).isEqualTo("3");
        });
    }

    @Test
    void cachingModelGetsCachePointsAndItsNextCallReadsThePromptFromTheCache() {
        String caching = "us.anthropic.claude-sonnet-4-20250514-v1:0";
        BedrockChatModel cached = new BedrockChatModel(client, new ModelProperties(caching, 256, 0.7f,
                java.time.Duration.ofSeconds(20), java.time.Duration.ofSeconds(10), null, null, false, null, "DEFAULT",
                new ModelProperties.OpenAi(null, null, null), Map.of(),
                List.of("anthropic.claude-sonnet-4-20250514-v1:0"), "sync"));
        String tenant = "tenant-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String system = "tenant: " + tenant + "\n\nYou answer questions about the solar system in detail.";
        List<ChatTurn> history = List.of(ChatTurn.user("Which planet is largest?"), ChatTurn.assistant("Jupiter."));

        ModelReply first = cached.reply(new Conversation(system, concat(history, ChatTurn.user("And the smallest?"))),
                ModelSettings.of(256), ReplyListener.NONE);
        ModelReply second = cached.reply(new Conversation(system, concat(history, ChatTurn.user("And the hottest?"))),
                ModelSettings.of(256), ReplyListener.NONE);

        assertThat(first.cacheReadInputTokens()).isZero();
        assertThat(first.cacheWriteInputTokens()).as("system prompt and history written to the cache").isPositive();
        assertThat(second.cacheReadInputTokens()).as("read back: same system prompt and history")
                .isEqualTo(first.cacheWriteInputTokens());
        assertThat(second.cacheWriteInputTokens()).isZero();
        assertThat(second.inputTokens()).as("only the new user turn is uncached").isEqualTo(3);
    }

    @Test
    void modelWithoutCachingGetsNoCachePoint() {
        String tenant = "tenant-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        Conversation conversation = new Conversation("tenant: " + tenant, List.of(ChatTurn.user("Hi"),
                ChatTurn.assistant("Hello!"), ChatTurn.user("Again")));

        chatModel.reply(conversation, ModelSettings.of(256), ReplyListener.NONE);
        ModelReply again = chatModel.reply(conversation, ModelSettings.of(256), ReplyListener.NONE);

        assertThat(again.cacheReadInputTokens()).isZero();
        assertThat(again.cacheWriteInputTokens()).isZero();
    }

    private static List<ChatTurn> concat(List<ChatTurn> history, ChatTurn current) {
        List<ChatTurn> turns = new java.util.ArrayList<>(history);
        turns.add(current);
        return turns;
    }

    @Test
    void guardrailInterventionOverTheWireIsReportedAndTheSameWordPassesWithoutAGuardrail() {
        String tenant = "tenant-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        Conversation blocked = new Conversation("tenant: " + tenant, List.of(ChatTurn.user(
                "Tell me about " + BedrockStandIn.DEFAULT_GUARDRAIL_WORD + " please")));
        ModelSettings guarded = new ModelSettings(256, null, null,
                new io.tenantchat.worker.reply.domain.Guardrail("gr0abc12", "1"), java.util.Set.of("guardrail"));

        ModelReply intervened = chatModel.reply(blocked, guarded, ReplyListener.NONE);
        ModelReply unguarded = chatModel.reply(blocked, ModelSettings.of(256), ReplyListener.NONE);

        assertThat(intervened.guardrailIntervened()).isTrue();
        assertThat(intervened.stopReason()).isEqualTo("guardrail_intervened");
        assertThat(intervened.text()).doesNotContain(BedrockStandIn.DEFAULT_GUARDRAIL_WORD);
        assertThat(intervened.inputTokens()).as("a blocked call is still billed").isPositive();
        assertThat(unguarded.guardrailIntervened()).isFalse();
        assertThat(unguarded.text()).contains(BedrockStandIn.DEFAULT_GUARDRAIL_WORD);
    }

    @Test
    void withoutAProfileTheDeploymentsTemperatureIsSentAndNoGuardrail() {
        String tenant = "tenant-" + java.util.UUID.randomUUID().toString().substring(0, 8);

        chatModel.reply(ConversationTestData.forTenant(tenant, "Hi"), ModelSettings.of(256), ReplyListener.NONE);

        assertThat(standIn.received(tenant)).singleElement().satisfies(received -> {
            assertThat(received.temperature()).isCloseTo(MODEL.temperature(), org.assertj.core.data.Offset.offset(1e-6));
            assertThat(received.guardrailId()).isNull();
        });
    }

    @Test
    void tenantWithoutAnOverrideIsAnsweredByTheDeploymentsModel() {
        BedrockChatModel perTenant = new BedrockChatModel(client,
                ModelPropertiesTestData.bedrock(MODEL.modelId(), Map.of("tenant-001", OVERRIDE)));

        ModelReply reply = perTenant.reply(ConversationTestData.forTenant("tenant-002", "Hi"), ModelSettings.of(256), ReplyListener.NONE);

        assertThat(reply.modelId()).isEqualTo(MODEL.modelId());
        assertThat(reply.text()).contains("for model " + MODEL.modelId() + ",");
    }

    @Test
    void aStopWhileStreamingCancelsTheCallAndTheStandInSeesItsStreamClosed() throws Exception {
        standIn.settings(Settings.defaults().withTokensPerSecond(5));
        RunningReplies running = new RunningReplies();
        MessageRef ref = new MessageRef(TenantId.of("tenant-001"), SessionId.random(), MessageId.next(Clock.systemUTC()));
        List<String> deltas = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.CompletableFuture<Throwable> ended = new java.util.concurrent.CompletableFuture<>();
        int closedBefore = standIn.streamsClosedByClient("tenant-001");
        Thread job = Thread.ofVirtual().start(() -> {
            try (RunningReplies.Watch watch = running.watch(ref)) {
                watch.modelCall(() -> chatModel.reply(CONVERSATION, ModelSettings.of(256), deltas::add));
                ended.complete(null);
            } catch (RuntimeException e) {
                ended.complete(e);
            }
        });
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> !deltas.isEmpty());

        assertThat(running.stop(TenantId.of("tenant-001"), ref.messageId())).isTrue();

        assertThat(ended.get(1, java.util.concurrent.TimeUnit.SECONDS)).isInstanceOf(ChatModelException.class);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(1))
                .until(() -> standIn.streamsClosedByClient("tenant-001") == closedBefore + 1);
        job.join();
    }

    @Test
    void maxTokensBoundsTheReply() {
        assertThat(chatModel.reply(CONVERSATION, ModelSettings.of(5), ReplyListener.NONE).outputTokens()).isEqualTo(5);
    }

    @Test
    void throttlingBeforeTheStreamIsRetryable() {
        standIn.settings(Settings.defaults().withFault(Fault.throttleBeforeStream(1)));

        assertThatThrownBy(() -> chatModel.reply(CONVERSATION, ModelSettings.of(256), ReplyListener.NONE))
                .asInstanceOf(InstanceOfAssertFactories.type(ChatModelException.class))
                .satisfies(e -> assertThat(e.isRetryable()).isTrue())
                .satisfies(e -> assertThat(e.failure().code()).isEqualTo(ErrorCode.MODEL_UNAVAILABLE));
    }

    @Test
    void validationErrorIsNotRetryableAndExplainsItself() {
        standIn.settings(Settings.defaults().withFault(Fault.validation(1)));

        assertThatThrownBy(() -> chatModel.reply(CONVERSATION, ModelSettings.of(256), ReplyListener.NONE))
                .asInstanceOf(InstanceOfAssertFactories.type(ChatModelException.class))
                .satisfies(e -> assertThat(e.isRetryable()).isFalse())
                .satisfies(e -> assertThat(e.failure().code()).isEqualTo(ErrorCode.INVALID_REQUEST))
                .satisfies(e -> assertThat(e.failure().reason()).startsWith("The model rejected the request: "));
    }

    @Test
    void throttlingInsideTheStreamIsRetryableAndNoPartialTextEscapes() {
        standIn.settings(Settings.defaults().withFault(Fault.inStreamThrottlingAfterDeltas(3, 1)));
        int before = standIn.invocations();

        assertThatThrownBy(() -> chatModel.reply(CONVERSATION, ModelSettings.of(256), ReplyListener.NONE))
                .asInstanceOf(InstanceOfAssertFactories.type(ChatModelException.class))
                .satisfies(e -> assertThat(e.isRetryable()).isTrue())
                .satisfies(e -> assertThat(e.failure().reason()).isEqualTo("The model is busy right now."));
        assertThat(standIn.invocations() - before).as("no SDK retry of the stream").isEqualTo(1);
    }
}
