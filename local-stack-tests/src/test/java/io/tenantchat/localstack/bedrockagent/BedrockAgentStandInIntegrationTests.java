package io.tenantchat.localstack.bedrockagent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantchat.localstack.AwsClients;
import io.tenantchat.localstack.bedrockagent.BedrockAgentStandIn.Fault;
import io.tenantchat.localstack.bedrockagent.BedrockAgentStandIn.Settings;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
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
import software.amazon.awssdk.services.bedrockagentruntime.BedrockAgentRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockagentruntime.model.AccessDeniedException;
import software.amazon.awssdk.services.bedrockagentruntime.model.DependencyFailedException;
import software.amazon.awssdk.services.bedrockagentruntime.model.InternalServerException;
import software.amazon.awssdk.services.bedrockagentruntime.model.InvokeAgentRequest;
import software.amazon.awssdk.services.bedrockagentruntime.model.InvokeAgentResponseHandler;
import software.amazon.awssdk.services.bedrockagentruntime.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrockagentruntime.model.ThrottlingException;
import software.amazon.awssdk.services.bedrockagentruntime.model.TracePart;
import software.amazon.awssdk.services.bedrockagentruntime.model.ValidationException;

/** The Bedrock Agent stand-in driven by the real async SDK client (default Netty) over the wire. */
class BedrockAgentStandInIntegrationTests {

    private static final String AGENT = "AGENT12345";
    private static final String ALIAS = "TSTALIASID";
    private static final String QUESTION = "What is the capital of France?";

    private static BedrockAgentStandIn standIn;
    private static BedrockAgentRuntimeAsyncClient client;

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
    void streamsBase64ChunksThatDecodeToTheLabelledReply() throws Exception {
        Collected collected = invoke("acme:session-1", false);

        assertThat(String.join("", collected.chunks))
                .startsWith("[bedrock-agent stand-in] (tenant acme) You said: " + QUESTION)
                .contains("agent " + AGENT);
        assertThat(collected.chunks).hasSizeGreaterThan(10);
        assertThat(collected.traces).isEmpty();
    }

    @Test
    void tracesCarryModelUsageWhenTheTraceIsEnabled() throws Exception {
        Collected collected = invoke("acme:session-1", true);

        assertThat(collected.traces).hasSize(2);
        TracePart pre = collected.traces.get(0);
        TracePart orchestration = collected.traces.get(1);
        assertThat(pre.trace().preProcessingTrace().modelInvocationOutput().metadata().usage().inputTokens())
                .isEqualTo(6);
        assertThat(orchestration.trace().orchestrationTrace().modelInvocationOutput().metadata().usage()
                .outputTokens()).isEqualTo(collected.chunks.size());
        assertThat(orchestration.sessionId()).isEqualTo("acme:session-1");
    }

    @Test
    void receivesSignedRequestsWithTheSessionStateAsSent() throws Exception {
        invoke("acme:session-1", false);

        var request = standIn.lastRequest().orElseThrow();
        assertThat(request.header("authorization")).hasValueSatisfying(a -> assertThat(a).startsWith("AWS4-HMAC-SHA256"));
        assertThat(request.path()).isEqualTo("/agents/AGENT12345/agentAliases/TSTALIASID/sessions/acme%3Asession-1/text");
        assertThat(request.body()).contains("\"sessionAttributes\":{\"tenant_id\":\"acme\"}");
    }

    @Test
    void refusesASessionIdOutsideTheAllowedCharacters() {
        assertThatThrownBy(() -> invoke("acme#session", false))
                .hasRootCauseInstanceOf(ValidationException.class)
                .rootCause().hasMessageContaining("sessionId");
    }

    @Test
    void throttlingInsideTheStreamEndsItAfterTheGivenChunks() {
        standIn.settings(Settings.defaults().withFault(Fault.throttlingInStreamAfter(3, 1)));
        Collected collected = new Collected();

        assertThatThrownBy(() -> invoke("acme:session-1", false, collected))
                .hasRootCauseInstanceOf(ThrottlingException.class);
        assertThat(collected.chunks).hasSize(3);
    }

    @ParameterizedTest
    @MethodSource("faults")
    void preStreamFaultsArriveAsTheirTypedExceptions(Fault.Kind kind, Class<? extends Throwable> expected) {
        standIn.settings(Settings.defaults().withFault(Fault.of(kind, 1)));

        assertThatThrownBy(() -> invoke("acme:session-1", false)).hasRootCauseInstanceOf(expected);
    }

    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of(Fault.Kind.THROTTLING, ThrottlingException.class),
                Arguments.of(Fault.Kind.INTERNAL_SERVER, InternalServerException.class),
                Arguments.of(Fault.Kind.DEPENDENCY_FAILED, DependencyFailedException.class),
                Arguments.of(Fault.Kind.VALIDATION, ValidationException.class),
                Arguments.of(Fault.Kind.ACCESS_DENIED, AccessDeniedException.class),
                Arguments.of(Fault.Kind.RESOURCE_NOT_FOUND, ResourceNotFoundException.class));
    }

    private Collected invoke(String sessionId, boolean trace) throws Exception {
        Collected collected = new Collected();
        invoke(sessionId, trace, collected);
        return collected;
    }

    private void invoke(String sessionId, boolean trace, Collected collected) throws Exception {
        InvokeAgentRequest request = InvokeAgentRequest.builder()
                .agentId(AGENT).agentAliasId(ALIAS).sessionId(sessionId).inputText(QUESTION).enableTrace(trace)
                .sessionState(s -> s.sessionAttributes(Map.of("tenant_id", "acme")))
                .build();
        InvokeAgentResponseHandler handler = InvokeAgentResponseHandler.builder()
                .subscriber(InvokeAgentResponseHandler.Visitor.builder()
                        .onChunk(chunk -> collected.chunks.add(chunk.bytes().asString(StandardCharsets.UTF_8)))
                        .onTrace(collected.traces::add)
                        .build())
                .build();
        try {
            client.invokeAgent(request, handler).get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new CompletionException(e.getCause());
        }
    }

    private static final class Collected {
        final List<String> chunks = new ArrayList<>();
        final List<TracePart> traces = new ArrayList<>();
    }
}
