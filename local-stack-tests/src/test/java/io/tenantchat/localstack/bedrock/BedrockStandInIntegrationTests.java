package io.tenantchat.localstack.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.tenantchat.localstack.bedrock.BedrockStandIn.Fault;
import io.tenantchat.localstack.bedrock.BedrockStandIn.Settings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.eventstream.MessageDecoder;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.ModelTimeoutException;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceUnavailableException;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;
import software.amazon.awssdk.services.bedrockruntime.model.TokenUsage;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

/** The Bedrock stand-in, driven by the real SDK clients over h2c (async, Netty) and HTTP/1.1 (sync). */
class BedrockStandInIntegrationTests {

    private static final String MODEL_ID = "anthropic.claude-3-5-sonnet-20241022-v2:0";
    private static final String SYSTEM = "You answer briefly.\ntenant: acme";
    private static final String QUESTION = "What is the capital of France?";
    private static final int SYSTEM_AND_QUESTION_WORDS = 11;
    private static final Settings FAST = Settings.defaults().withTimeToFirstToken(Duration.ZERO).withTokensPerSecond(1_000);

    // shared so that closing a client per test does not wait for its own event loops to wind down
    private static SdkEventLoopGroup eventLoops;

    private BedrockStandIn standIn;
    private BedrockRuntimeAsyncClient asyncClient;
    private BedrockRuntimeClient syncClient;

    @BeforeAll
    static void startEventLoops() {
        eventLoops = SdkEventLoopGroup.builder().numberOfThreads(2).build();
    }

    @AfterAll
    static void stopEventLoops() {
        eventLoops.eventLoopGroup().shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }

    @BeforeEach
    void start() {
        standIn = BedrockStandIn.start(FAST);
        asyncClient = BedrockRuntimeAsyncClient.builder()
                .httpClientBuilder(NettyNioAsyncHttpClient.builder().eventLoopGroup(eventLoops))
                .endpointOverride(standIn.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallTimeout(Duration.ofSeconds(20)))
                .build();
        syncClient = syncClient(AwsRetryStrategy.doNotRetry());
    }

    @AfterEach
    void stop() {
        asyncClient.close();
        syncClient.close();
        standIn.close();
    }

    @Test
    void streamsDeltasThenUsageMetadata() {
        CollectedStream stream = converseStream(1024);

        assertThat(stream.text()).startsWith("[bedrock stand-in] (tenant acme) You said: " + QUESTION + " ");
        assertThat(stream.events).startsWith("messageStart", "contentBlockDelta")
                .endsWith("contentBlockDelta", "contentBlockStop", "messageStop", "metadata");
        assertThat(stream.stopReason).hasValue(StopReason.END_TURN);
        TokenUsage usage = stream.metadata.get().usage();
        assertThat(usage.inputTokens()).isEqualTo(SYSTEM_AND_QUESTION_WORDS);
        assertThat(usage.outputTokens()).isEqualTo(stream.deltas.size()).isEqualTo(stream.text().split(" ").length);
        assertThat(usage.totalTokens()).isEqualTo(usage.inputTokens() + usage.outputTokens());
        assertThat(usage.cacheReadInputTokens()).isZero();
        assertThat(usage.cacheWriteInputTokens()).isZero();
        assertThat(stream.metadata.get().metrics().latencyMs()).isNotNegative();
    }

    @Test
    void stopsAtMaxTokensWithMaxTokensStopReason() {
        CollectedStream stream = converseStream(4);

        assertThat(stream.deltas).containsExactly("[bedrock", " stand-in]", " (tenant", " acme)");
        assertThat(stream.stopReason).hasValue(StopReason.MAX_TOKENS);
        assertThat(stream.metadata.get().usage().outputTokens()).isEqualTo(4);
    }

    @Test
    void decodesPercentEncodedModelId() {
        CollectedStream stream = converseStream(1024);

        assertThat(stream.text()).contains("for model " + MODEL_ID + ",");
        assertThat(standIn.invocations()).isEqualTo(1);
    }

    @Test
    void answersConverseOverHttp11WithTheSyncClient() {
        ConverseResponse response = syncClient.converse(converseRequest());

        String text = response.output().message().content().get(0).text();
        assertThat(text).startsWith("[bedrock stand-in] (tenant acme) You said: " + QUESTION);
        assertThat(response.stopReason()).isEqualTo(StopReason.END_TURN);
        assertThat(response.usage().inputTokens()).isEqualTo(SYSTEM_AND_QUESTION_WORDS);
        assertThat(response.usage().outputTokens()).isEqualTo(text.split(" ").length);
    }

    @Test
    void refusesStreamWithThrottlingExceptionBeforeItStarts() {
        standIn.settings(FAST.withFault(Fault.throttleBeforeStream(1)));
        CollectedStream throttled = new CollectedStream();

        CompletableFuture<Void> call = asyncClient.converseStream(streamRequest(1024), throttled.handler());

        assertThatThrownBy(() -> call.get(20, TimeUnit.SECONDS))
                .cause().isInstanceOf(ThrottlingException.class)
                .extracting(e -> ((AwsServiceException) e).statusCode()).isEqualTo(429);
        assertThat(throttled.deltas).isEmpty();
        assertThat(converseStream(1024).stopReason).hasValue(StopReason.END_TURN);
        assertThat(standIn.invocations()).isEqualTo(2);
    }

    @Test
    void throttlesInsideTheStreamAfterPartialDeltas() {
        standIn.settings(FAST.withFault(Fault.inStreamThrottlingAfterDeltas(3, 1)));
        CollectedStream stream = new CollectedStream();

        CompletableFuture<Void> call = asyncClient.converseStream(streamRequest(1024), stream.handler());

        // the SDK hands the handler the service exception wrapped in a CompletionException
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(stream.error.get())
                .isInstanceOf(CompletionException.class).hasCauseInstanceOf(ThrottlingException.class));
        assertThatThrownBy(() -> call.get(20, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
        assertThat(stream.deltas).containsExactly("[bedrock", " stand-in]", " (tenant");
        assertThat(stream.metadata).hasNullValue();
    }

    @ParameterizedTest
    @MethodSource("faultsBeforeAnswer")
    void answersInjectedFaultsWithTheTypedException(Fault fault, Class<? extends AwsServiceException> expected, int status) {
        standIn.settings(FAST.withFault(fault));

        assertThatThrownBy(() -> syncClient.converse(converseRequest()))
                .isInstanceOf(expected)
                .extracting(e -> ((AwsServiceException) e).statusCode()).isEqualTo(status);
        assertThat(syncClient.converse(converseRequest()).stopReason()).isEqualTo(StopReason.END_TURN);
    }

    static Stream<Arguments> faultsBeforeAnswer() {
        return Stream.of(
                Arguments.of(Fault.throttleBeforeStream(1), ThrottlingException.class, 429),
                Arguments.of(Fault.serviceUnavailable(1), ServiceUnavailableException.class, 503),
                Arguments.of(Fault.modelTimeout(1), ModelTimeoutException.class, 408),
                Arguments.of(Fault.validation(1), ValidationException.class, 400));
    }

    @Test
    void letsTheSdkRetryThrottledConverseUntilTheBudgetIsSpent() {
        standIn.settings(FAST.withFault(Fault.throttleBeforeStream(2)));

        try (BedrockRuntimeClient retrying = syncClient(AwsRetryStrategy.standardRetryStrategy())) {
            assertThat(retrying.converse(converseRequest()).stopReason()).isEqualTo(StopReason.END_TURN);
        }
        assertThat(standIn.invocations()).isEqualTo(3);
    }

    @Test
    void waitsTheTimeToFirstTokenBeforeTheFirstDelta() {
        Duration timeToFirstToken = Duration.ofMillis(300);
        standIn.settings(FAST.withTimeToFirstToken(timeToFirstToken));
        long sentNanos = System.nanoTime();

        CollectedStream stream = converseStream(1024);

        assertThat(stream.deltaNanos.get(0) - sentNanos).isGreaterThanOrEqualTo(timeToFirstToken.toNanos());
    }

    @Test
    void reportsItsOwnTimeToFirstTokenForTheRequestMarkedWithARef() {
        standIn.settings(FAST.withTimeToFirstToken(Duration.ofMillis(200)));
        ConverseStreamRequest marked = streamRequest(1024).toBuilder().messages(Message.builder()
                .role(ConversationRole.USER).content(ContentBlock.fromText("how fast? [ref:bench-42]")).build()).build();

        assertThat(asyncClient.converseStream(marked, new CollectedStream().handler()))
                .succeedsWithin(Duration.ofSeconds(20));
        assertThat(asyncClient.converseStream(streamRequest(1024), new CollectedStream().handler()))
                .succeedsWithin(Duration.ofSeconds(20));

        assertThat(standIn.timeToFirstTokenOf("bench-42")).hasValueSatisfying(ttft ->
                assertThat(ttft).isBetween(Duration.ofMillis(200), Duration.ofSeconds(5)));
        assertThat(standIn.timeToFirstTokenOf("bench-43")).isEmpty();
    }

    @Test
    void pacesDeltasAtTheConfiguredTokensPerSecond() {
        standIn.settings(FAST.withTokensPerSecond(20));

        CollectedStream stream = converseStream(6);

        long spreadNanos = stream.deltaNanos.get(5) - stream.deltaNanos.get(0);
        assertThat(Duration.ofNanos(spreadNanos)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
    }

    @Test
    void countsStreamsOpenAtOnceAndTheirPeak() {
        standIn.settings(FAST.withTokensPerSecond(10));
        standIn.takePeakOpenStreams();

        List<CompletableFuture<Void>> calls = java.util.stream.IntStream.range(0, 3)
                .mapToObj(i -> asyncClient.converseStream(streamRequest(10), new CollectedStream().handler())).toList();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> standIn.openStreams() == 3);
        calls.forEach(call -> assertThat(call).succeedsWithin(Duration.ofSeconds(20)));

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> standIn.openStreams() == 0);
        assertThat(standIn.takePeakOpenStreams()).isEqualTo(3);
        assertThat(standIn.takePeakOpenStreams()).isZero();
    }

    @Test
    void countsAStreamItsClientCancelledAsClosedByTheClientButNotOneThatEnded() {
        standIn.settings(FAST.withTokensPerSecond(5));
        CollectedStream stream = new CollectedStream();
        CompletableFuture<Void> call = asyncClient.converseStream(streamRequest(200), stream.handler());
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !stream.deltas.isEmpty());

        call.cancel(true); // what the worker's model adapter does when its reply is stopped

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(1)).until(() -> standIn.openStreams("acme") == 0);
        assertThat(standIn.streamsClosedByClient("acme")).isEqualTo(1);
        standIn.settings(FAST);
        converseStream(10);
        assertThat(standIn.streamsClosedByClient("acme")).as("a stream that ended is not counted").isEqualTo(1);
        assertThat(standIn.streamsClosedByClient("globex")).isZero();
    }

    @Test
    void countsEachTenantsCallsAndOpenStreamsApartFromOtherTenants() {
        standIn.settings(FAST.withTokensPerSecond(10));
        standIn.takePeakOpenStreams("acme");
        standIn.takePeakOpenStreams("globex");
        int acmeCalls = standIn.invocations("acme");

        List<CompletableFuture<Void>> calls = java.util.stream.IntStream.range(0, 3)
                .mapToObj(i -> asyncClient.converseStream(streamRequest(10, i == 0 ? SYSTEM : "tenant: globex"),
                        new CollectedStream().handler())).toList();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> standIn.openStreams("globex") == 2);
        assertThat(standIn.openStreams("acme")).isLessThanOrEqualTo(1);
        calls.forEach(call -> assertThat(call).succeedsWithin(Duration.ofSeconds(20)));

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> standIn.openStreams("globex") == 0);
        assertThat(standIn.takePeakOpenStreams("globex")).isEqualTo(2);
        assertThat(standIn.takePeakOpenStreams("acme")).isEqualTo(1);
        assertThat(standIn.invocations("acme") - acmeCalls).isEqualTo(1);
        assertThat(standIn.takePeakOpenStreams("initech")).isZero();
    }

    @Test
    void streamsEventStreamFramesOverHttp11() throws Exception {
        HttpResponse<byte[]> response = http11Post("/model/" + encodedModelId() + "/converse-stream", converseJson(3));

        assertThat(response.headers().firstValue("content-type")).hasValue("application/vnd.amazon.eventstream");
        var frames = new MessageDecoder().feed(ByteBuffer.wrap(response.body())).getDecodedMessages();
        assertThat(frames).extracting(frame -> frame.getHeaders().get(":event-type").getString())
                .containsExactly("messageStart", "contentBlockDelta", "contentBlockDelta", "contentBlockDelta",
                        "contentBlockStop", "messageStop", "metadata");
        assertThat(frames).extracting(frame -> frame.getHeaders().get(":message-type").getString()).containsOnly("event");
    }

    @Test
    void rejectsMalformedJsonWithValidationException() throws Exception {
        HttpResponse<byte[]> response = http11Post("/model/" + encodedModelId() + "/converse", "{not json");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("ValidationException");
        assertThat(new String(response.body())).startsWith("{\"message\":");
    }

    @Test
    void answersUnknownPathsWith404() throws Exception {
        HttpResponse<byte[]> response = http11Post("/model/" + encodedModelId() + "/invoke-agent", converseJson(3));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(new String(response.body())).startsWith("{\"message\":");
        assertThat(standIn.invocations()).isZero();
    }

    private CollectedStream converseStream(int maxTokens) {
        CollectedStream stream = new CollectedStream();
        CompletableFuture<Void> call = asyncClient.converseStream(streamRequest(maxTokens), stream.handler());
        assertThat(call).succeedsWithin(Duration.ofSeconds(20));
        return stream;
    }

    private BedrockRuntimeClient syncClient(RetryStrategy retryStrategy) {
        return BedrockRuntimeClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .endpointOverride(standIn.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .overrideConfiguration(o -> o.retryStrategy(retryStrategy))
                .build();
    }

    private static ConverseStreamRequest streamRequest(int maxTokens) {
        return streamRequest(maxTokens, SYSTEM);
    }

    private static ConverseStreamRequest streamRequest(int maxTokens, String system) {
        return ConverseStreamRequest.builder()
                .modelId(MODEL_ID)
                .system(SystemContentBlock.fromText(system))
                .messages(question())
                .inferenceConfig(c -> c.maxTokens(maxTokens).temperature(0.2f))
                .build();
    }

    private static ConverseRequest converseRequest() {
        return ConverseRequest.builder()
                .modelId(MODEL_ID)
                .system(SystemContentBlock.fromText(SYSTEM))
                .messages(question())
                .inferenceConfig(c -> c.maxTokens(1024))
                .build();
    }

    private static Message question() {
        return Message.builder().role(ConversationRole.USER).content(ContentBlock.fromText(QUESTION)).build();
    }

    private static String converseJson(int maxTokens) {
        return """
                {"messages":[{"role":"user","content":[{"text":"%s"}]}],"inferenceConfig":{"maxTokens":%d}}"""
                .formatted(QUESTION, maxTokens);
    }

    private static String encodedModelId() {
        return MODEL_ID.replace(":", "%3A");
    }

    private HttpResponse<byte[]> http11Post(String path, String body) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(standIn.endpoint() + path))
                .timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }
}
