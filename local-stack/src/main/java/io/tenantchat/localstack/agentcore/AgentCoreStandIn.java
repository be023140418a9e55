package io.tenantchat.localstack.agentcore;

import io.tenantchat.localstack.standin.FaultBudget;
import io.tenantchat.localstack.standin.HttpStandIn;
import io.tenantchat.localstack.standin.Pacing;
import java.util.Objects;

/**
 * A dev/test-only stand-in for Amazon Bedrock AgentCore Runtime and the agent behind it: answers
 * {@code POST /runtimes/{percent-encoded runtime ARN}/invocations} (InvokeAgentRuntime) over HTTP/1.1. The agent
 * reads a JSON payload {@code {"prompt", "tenant_id", "system", "messages"}} and streams its reply, labelled
 * {@value InvocationHandler#LABEL}, one token per event: server-sent events {@code data: "<text>"}
 * ({@code text/event-stream}) or JSON lines {@code {"delta": "<text>"}} ({@code application/x-ndjson}), optionally
 * followed by {@code {"usage": {"input_tokens", "output_tokens"}}}. Never a production path.
 */
public final class AgentCoreStandIn extends HttpStandIn<AgentCoreStandIn.Settings> {

    private AgentCoreStandIn(Settings settings) {
        super("agentcore-stand-in", settings.port(), new InvocationHandler(settings));
    }

    /** Binds 127.0.0.1 on {@code settings.port()}, or on a free port when it is 0. */
    public static AgentCoreStandIn start(Settings settings) {
        return new AgentCoreStandIn(settings);
    }

    /** How the agent streams its reply. */
    public enum Format { SSE, JSON_LINES }

    /**
     * How the stand-in listens and answers.
     *
     * @param port 0 for a free port
     * @param reportUsage whether the agent ends its stream with a usage event
     */
    public record Settings(int port, Pacing pacing, Format format, boolean reportUsage, Fault fault) {

        public Settings {
            Objects.requireNonNull(pacing, "pacing");
            Objects.requireNonNull(format, "format");
            Objects.requireNonNull(fault, "fault");
        }

        /** A free port, default pacing, SSE without usage, no fault. */
        public static Settings defaults() {
            return new Settings(0, Pacing.defaults(), Format.SSE, false, Fault.none());
        }

        public Settings withPort(int port) {
            return new Settings(port, pacing, format, reportUsage, fault);
        }

        public Settings withPacing(Pacing pacing) {
            return new Settings(port, pacing, format, reportUsage, fault);
        }

        public Settings withFormat(Format format) {
            return new Settings(port, pacing, format, reportUsage, fault);
        }

        public Settings withUsage(boolean reportUsage) {
            return new Settings(port, pacing, format, reportUsage, fault);
        }

        public Settings withFault(Fault fault) {
            return new Settings(port, pacing, format, reportUsage, fault);
        }

        FaultBudget<Fault> budget() {
            return new FaultBudget<>(fault, fault.times());
        }
    }

    /**
     * A fault for the next {@code times} requests it applies to.
     *
     * @param afterTokens for {@link Kind#ERROR_IN_STREAM}, tokens streamed before the agent's error event
     */
    public record Fault(Kind kind, int times, int afterTokens) {

        /** What goes wrong: an AgentCore error before any byte, or the agent failing in the middle of its stream. */
        public enum Kind { NONE, THROTTLING, SERVICE_QUOTA_EXCEEDED, INTERNAL_SERVER, RUNTIME_CLIENT_ERROR,
            VALIDATION, ACCESS_DENIED, RESOURCE_NOT_FOUND, ERROR_IN_STREAM }

        public Fault {
            Objects.requireNonNull(kind, "kind");
            if (times < 0 || afterTokens < 0) {
                throw new IllegalArgumentException("times and afterTokens must not be negative");
            }
        }

        public static Fault none() {
            return new Fault(Kind.NONE, 0, 0);
        }

        /** An HTTP error before the stream, for the next {@code times} requests. */
        public static Fault of(Kind kind, int times) {
            return new Fault(kind, times, 0);
        }

        /** An error event from the agent after {@code tokens} tokens, for the next {@code times} requests. */
        public static Fault errorInStreamAfter(int tokens, int times) {
            return new Fault(Kind.ERROR_IN_STREAM, times, tokens);
        }
    }
}
