package io.tenantchat.localstack.agentcore;

import io.tenantchat.localstack.agentcore.AgentCoreStandIn.Fault;
import io.tenantchat.localstack.agentcore.AgentCoreStandIn.Settings;
import io.tenantchat.localstack.standin.EchoReply;
import io.tenantchat.localstack.standin.Exchange;
import io.tenantchat.localstack.standin.RecordedRequest;
import io.tenantchat.localstack.standin.StandInHandler;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;

/** Answers InvokeAgentRuntime: signature, ARN and session id checks, injected faults, then the agent's stream. */
final class InvocationHandler extends StandInHandler<Settings, Fault> {

    static final String LABEL = "[agentcore stand-in]";
    static final String SESSION_HEADER = "x-amzn-bedrock-agentcore-runtime-session-id";

    InvocationHandler(Settings settings) {
        super(settings, Settings::budget);
    }

    @Override
    public void accept(Exchange exchange) {
        RecordedRequest request = exchange.request();
        Optional<InvocationPath> path = InvocationPath.match(request.method(), request.path());
        if (path.isEmpty()) {
            RuntimeErrors.send(exchange, 404, "UnknownOperationException",
                    "The stand-in knows no operation at " + request.method() + " " + request.path());
            return;
        }
        record(request);
        Optional<String> problem = problem(request, path.get());
        if (problem.isPresent()) {
            int status = problem.get().startsWith("Missing") ? 403 : 400;
            RuntimeErrors.send(exchange, status, status == 403 ? "AccessDeniedException" : "ValidationException",
                    problem.get());
            return;
        }
        payload(exchange).ifPresent(payload -> answer(exchange, payload));
    }

    private static Optional<String> problem(RecordedRequest request, InvocationPath path) {
        if (!request.header("authorization").orElse("").startsWith("AWS4-HMAC-SHA256 ")) {
            return Optional.of("Missing Authentication Token");
        }
        if (!path.isWellFormed()) {
            return Optional.of("The agent runtime ARN is malformed: " + path.runtimeArn());
        }
        int length = request.header(SESSION_HEADER).map(String::length).orElse(0);
        if (length < 33 || length > 256) {
            return Optional.of("runtimeSessionId must be 33 to 256 characters long.");
        }
        return Optional.empty();
    }

    private static Optional<AgentPayload> payload(Exchange exchange) {
        try {
            return Optional.of(AgentPayload.parse(exchange.request().body()));
        } catch (IllegalArgumentException | JacksonException e) {
            RuntimeErrors.send(exchange, 424, "RuntimeClientError",
                    "The agent could not handle the payload: " + e.getMessage() + " (agentcore stand-in)");
            return Optional.empty();
        }
    }

    private void answer(Exchange exchange, AgentPayload payload) {
        Settings current = settings();
        Optional<Fault> fault = faults().draw(f -> f.kind() != Fault.Kind.NONE);
        if (fault.isPresent() && fault.get().kind() != Fault.Kind.ERROR_IN_STREAM) {
            RuntimeErrors.beforeStream(exchange, fault.get().kind());
            return;
        }
        EchoReply reply = EchoReply.of(LABEL, payload.tenantId(), payload.prompt(), "an AgentCore agent",
                Integer.MAX_VALUE);
        String sessionId = exchange.request().header(SESSION_HEADER).orElseThrow();
        var stream = exchange.openStream(AgentEvents.contentType(current.format()), Map.of(SESSION_HEADER, sessionId));
        new AgentEvents(stream, current, payload, reply, fault.map(Fault::afterTokens).orElse(-1)).start();
    }
}
