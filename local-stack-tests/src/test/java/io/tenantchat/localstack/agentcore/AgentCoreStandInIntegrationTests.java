package io.tenantchat.localstack.agentcore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantchat.localstack.AwsClients;
import io.tenantchat.localstack.agentcore.AgentCoreStandIn.Fault;
import io.tenantchat.localstack.agentcore.AgentCoreStandIn.Format;
import io.tenantchat.localstack.agentcore.AgentCoreStandIn.Settings;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.services.bedrockagentcore.BedrockAgentCoreAsyncClient;
import software.amazon.awssdk.services.bedrockagentcore.model.AccessDeniedException;
import software.amazon.awssdk.services.bedrockagentcore.model.InternalServerException;
import software.amazon.awssdk.services.bedrockagentcore.model.InvokeAgentRuntimeResponse;
import software.amazon.awssdk.services.bedrockagentcore.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrockagentcore.model.RuntimeClientErrorException;
import software.amazon.awssdk.services.bedrockagentcore.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.bedrockagentcore.model.ThrottlingException;
import software.amazon.awssdk.services.bedrockagentcore.model.ValidationException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The AgentCore Runtime stand-in driven by the real async SDK client: {@code bedrockagentcore} 2.40.3 beside the
 * 2.57.8 SDK core.
 */
class AgentCoreStandInIntegrationTests {

    private static final String ARN = "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/tenantchat_agent-Ab12Cd34Ef";
    private static final String SESSION = "acme:0190f5c2-7d1e-7c3a-9b4e-2f6a8d0c1e3f";
    private static final String PAYLOAD = """
            {"prompt": "What is the capital of France?", "tenant_id": "acme", "system": "Be brief.",
             "messages": [{"role": "user", "content": "What is the capital of France?"}]}""";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static AgentCoreStandIn standIn;
    private static BedrockAgentCoreAsyncClient client;

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
    void streamsTheAgentsReplyAsServerSentEvents() throws Exception {
        ResponseBytes<InvokeAgentRuntimeResponse> reply = invoke(SESSION);

        List<String> lines = reply.asUtf8String().lines().filter(line -> !line.isEmpty()).toList();
        assertThat(reply.response().contentType()).isEqualTo("text/event-stream");
        assertThat(reply.response().runtimeSessionId()).isEqualTo(SESSION);
        assertThat(lines.get(0)).isEqualTo("data: \"[agentcore\"");
        assertThat(lines).allSatisfy(line -> assertThat(line).startsWith("data: \""));
        String text = lines.stream().map(line -> JSON.readValue(line.substring(6), String.class))
                .collect(Collectors.joining());
        assertThat(text).startsWith("[agentcore stand-in] (tenant acme) You said: What is the capital of France?");
    }

    @Test
    void streamsJsonLinesEndingWithUsageWhenConfigured() throws Exception {
        standIn.settings(Settings.defaults().withFormat(Format.JSON_LINES).withUsage(true));

        ResponseBytes<InvokeAgentRuntimeResponse> reply = invoke(SESSION);

        List<String> lines = reply.asUtf8String().lines().toList();
        assertThat(reply.response().contentType()).isEqualTo("application/x-ndjson");
        assertThat(lines.get(0)).isEqualTo("{\"delta\":\"[agentcore\"}");
        assertThat(lines.get(lines.size() - 1)).contains("\"input_tokens\":8").contains("\"output_tokens\":" + (lines.size() - 1));
    }

    @Test
    void receivesTheRuntimeArnPercentEncodedAndTheRequestSigned() throws Exception {
        invoke(SESSION);

        var request = standIn.lastRequest().orElseThrow();
        assertThat(request.path()).startsWith("/runtimes/arn%3Aaws%3Abedrock-agentcore%3Aus-east-1%3A123456789012%3Aruntime%2F");
        assertThat(request.header("authorization")).hasValueSatisfying(a -> assertThat(a).startsWith("AWS4-HMAC-SHA256"));
        assertThat(request.query()).isEqualTo("qualifier=DEFAULT");
    }

    @Test
    void refusesASessionIdShorterThan33Characters() {
        assertThatThrownBy(() -> invoke("acme:short")).hasRootCauseInstanceOf(ValidationException.class);
    }

    @Test
    void reportsAnErrorEventAfterTheGivenTokens() throws Exception {
        standIn.settings(Settings.defaults().withFault(Fault.errorInStreamAfter(2, 1)));

        List<String> lines = invoke(SESSION).asUtf8String().lines().filter(line -> !line.isEmpty()).toList();

        assertThat(lines).hasSize(3);
        assertThat(lines.get(2)).contains("\"error\"").contains("ThrottlingException");
    }

    @ParameterizedTest
    @MethodSource("faults")
    void preStreamFaultsArriveAsTheirTypedExceptions(Fault.Kind kind, Class<? extends Throwable> expected) {
        standIn.settings(Settings.defaults().withFault(Fault.of(kind, 1)));

        assertThatThrownBy(() -> invoke(SESSION)).hasRootCauseInstanceOf(expected);
    }

    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of(Fault.Kind.THROTTLING, ThrottlingException.class),
                Arguments.of(Fault.Kind.SERVICE_QUOTA_EXCEEDED, ServiceQuotaExceededException.class),
                Arguments.of(Fault.Kind.INTERNAL_SERVER, InternalServerException.class),
                Arguments.of(Fault.Kind.RUNTIME_CLIENT_ERROR, RuntimeClientErrorException.class),
                Arguments.of(Fault.Kind.VALIDATION, ValidationException.class),
                Arguments.of(Fault.Kind.ACCESS_DENIED, AccessDeniedException.class),
                Arguments.of(Fault.Kind.RESOURCE_NOT_FOUND, ResourceNotFoundException.class));
    }

    private ResponseBytes<InvokeAgentRuntimeResponse> invoke(String sessionId) throws Exception {
        try {
            return client.invokeAgentRuntime(r -> r.agentRuntimeArn(ARN).qualifier("DEFAULT")
                            .runtimeSessionId(sessionId).contentType("application/json")
                            .accept("text/event-stream, application/x-ndjson")
                            .payload(SdkBytes.fromUtf8String(PAYLOAD)),
                    AsyncResponseTransformer.toBytes()).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
