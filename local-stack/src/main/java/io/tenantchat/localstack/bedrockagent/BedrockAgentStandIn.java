package io.tenantchat.localstack.bedrockagent;

import io.tenantchat.localstack.standin.FaultBudget;
import io.tenantchat.localstack.standin.HttpStandIn;
import io.tenantchat.localstack.standin.Pacing;
import java.util.Objects;

/**
 * A dev/test-only stand-in for Amazon Bedrock Agent Runtime: answers
 * {@code POST /agents/{agentId}/agentAliases/{aliasId}/sessions/{sessionId}/text} (InvokeAgent) over HTTP/1.1, the
 * protocol the SDK's async client uses for this service, with an {@code application/vnd.amazon.eventstream} body of
 * {@code chunk} events (base64 {@code bytes}), one per token, labelled {@value InvokeAgentHandler#LABEL}. When the
 * request enables the trace, a {@code preProcessingTrace} (input: the words of {@code inputText}, output: 1) and an
 * {@code orchestrationTrace} (input: the same, output: the reply's tokens) carry model usage. Never a production
 * path.
 */
public final class BedrockAgentStandIn extends HttpStandIn<BedrockAgentStandIn.Settings> {

    private BedrockAgentStandIn(Settings settings) {
        super("bedrock-agent-stand-in", settings.port(), new InvokeAgentHandler(settings));
    }

    /** Binds 127.0.0.1 on {@code settings.port()}, or on a free port when it is 0. */
    public static BedrockAgentStandIn start(Settings settings) {
        return new BedrockAgentStandIn(settings);
    }

    /** How the stand-in listens and answers; {@code port} 0 picks a free port. */
    public record Settings(int port, Pacing pacing, Fault fault) {

        public Settings {
            Objects.requireNonNull(pacing, "pacing");
            Objects.requireNonNull(fault, "fault");
        }

        public static Settings defaults() {
            return new Settings(0, Pacing.defaults(), Fault.none());
        }

        public Settings withPort(int port) {
            return new Settings(port, pacing, fault);
        }

        public Settings withPacing(Pacing pacing) {
            return new Settings(port, pacing, fault);
        }

        public Settings withFault(Fault fault) {
            return new Settings(port, pacing, fault);
        }

        FaultBudget<Fault> budget() {
            return new FaultBudget<>(fault, fault.times());
        }
    }

    /**
     * A fault for the next {@code times} requests it applies to.
     *
     * @param afterChunks for {@link Kind#THROTTLING_IN_STREAM}, chunks sent before the exception frame
     */
    public record Fault(Kind kind, int times, int afterChunks) {

        /** The errors InvokeAgent is documented to return. */
        public enum Kind { NONE, THROTTLING, THROTTLING_IN_STREAM, INTERNAL_SERVER, DEPENDENCY_FAILED, VALIDATION,
            ACCESS_DENIED, RESOURCE_NOT_FOUND }

        public Fault {
            Objects.requireNonNull(kind, "kind");
            if (times < 0 || afterChunks < 0) {
                throw new IllegalArgumentException("times and afterChunks must not be negative");
            }
        }

        public static Fault none() {
            return new Fault(Kind.NONE, 0, 0);
        }

        /** An HTTP error before any event, for the next {@code times} requests. */
        public static Fault of(Kind kind, int times) {
            return new Fault(kind, times, 0);
        }

        /** A {@code throttlingException} frame after {@code chunks} chunks, for the next {@code times} requests. */
        public static Fault throttlingInStreamAfter(int chunks, int times) {
            return new Fault(Kind.THROTTLING_IN_STREAM, times, chunks);
        }
    }
}
