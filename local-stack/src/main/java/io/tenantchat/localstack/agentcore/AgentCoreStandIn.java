package io.tenantchat.localstack.agentcore;

import io.tenantchat.localstack.standin.FaultBudget;
import io.tenantchat.localstack.standin.Pacing;
import io.tenantchat.localstack.standin.RecordedRequest;
import io.tenantchat.localstack.standin.StandInServer;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * A dev/test-only stand-in for Amazon Bedrock AgentCore Runtime and the agent behind it: answers
 * {@code POST /runtimes/{percent-encoded runtime ARN}/invocations} (InvokeAgentRuntime) over HTTP/1.1. The agent
 * reads a JSON payload {@code {"prompt", "tenant_id", "system", "messages"}} and streams its reply, labelled
 * {@value InvocationHandler#LABEL}, one token per event: server-sent events {@code data: "<text>"}
 * ({@code text/event-stream}) or JSON lines {@code {"delta": "<text>"}} ({@code application/x-ndjson}), optionally
 * followed by {@code {"usage": {"input_tokens", "output_tokens"}}}. Never a production path.
 */
public final class AgentCoreStandIn implements AutoCloseable {

    private final StandInServer server;
    private final InvocationHandler handler;

    private AgentCoreStandIn(StandInServer server, InvocationHandler handler) {
        this.server = server;
        this.handler = handler;
    }

    /** Binds 127.0.0.1 on {@code settings.port()}, or on a free port when it is 0. */
    public static AgentCoreStandIn start(Settings settings) {
        InvocationHandler handler = new InvocationHandler(settings);
        return new AgentCoreStandIn(StandInServer.start("agentcore-stand-in", settings.port(), handler), handler);
    }

    /** The base URI to give the SDK as endpoint override. */
    public URI endpoint() {
        return server.endpoint();
    }

    /** Replaces format, pacing and fault for the requests that follow; the fault's budget starts afresh. */
    public void settings(Settings settings) {
        handler.replace(settings);
    }

    /** InvokeAgentRuntime requests received, faulted ones included. */
    public int invocations() {
        return handler.invocations();
    }

    /** The last InvokeAgentRuntime request, as it arrived. */
    public Optional<RecordedRequest> lastRequest() {
        return handler.lastRequest();
    }

    @Override
    public void close() {
        server.close();
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
