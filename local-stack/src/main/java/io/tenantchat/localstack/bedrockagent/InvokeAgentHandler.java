package io.tenantchat.localstack.bedrockagent;

import io.tenantchat.localstack.bedrockagent.BedrockAgentStandIn.Fault;
import io.tenantchat.localstack.bedrockagent.BedrockAgentStandIn.Settings;
import io.tenantchat.localstack.standin.EchoReply;
import io.tenantchat.localstack.standin.Exchange;
import io.tenantchat.localstack.standin.RecordedRequest;
import io.tenantchat.localstack.standin.StandInHandler;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;

/** Answers InvokeAgent: signature and identifier checks, body validation, injected faults, then the stream. */
final class InvokeAgentHandler extends StandInHandler<Settings, Fault> {

    static final String LABEL = "[bedrock-agent stand-in]";

    InvokeAgentHandler(Settings settings) {
        super(settings, Settings::budget);
    }

    @Override
    public void accept(Exchange exchange) {
        RecordedRequest request = exchange.request();
        Optional<AgentPath> path = AgentPath.match(request.method(), request.path());
        if (path.isEmpty()) {
            AgentErrors.send(exchange, 404, "UnknownOperationException",
                    "The stand-in knows no operation at " + request.method() + " " + request.path());
            return;
        }
        record(request);
        if (!request.header("authorization").orElse("").startsWith("AWS4-HMAC-SHA256 ")) {
            AgentErrors.send(exchange, 403, "MissingAuthenticationTokenException", "Missing Authentication Token");
            return;
        }
        Optional<String> problem = path.get().problem();
        if (problem.isPresent()) {
            AgentErrors.send(exchange, 400, "ValidationException", problem.get());
            return;
        }
        parsed(exchange).ifPresent(input -> answer(exchange, path.get(), input));
    }

    private static Optional<AgentInput> parsed(Exchange exchange) {
        try {
            return Optional.of(AgentInput.parse(exchange.request().body()));
        } catch (IllegalArgumentException | JacksonException e) {
            String message = e instanceof JacksonException ? "Malformed request body." : e.getMessage();
            AgentErrors.send(exchange, 400, "ValidationException", message + " (bedrock-agent stand-in)");
            return Optional.empty();
        }
    }

    private void answer(Exchange exchange, AgentPath path, AgentInput input) {
        Settings current = settings();
        Optional<Fault> fault = faults().draw(f -> f.kind() != Fault.Kind.NONE);
        if (fault.isPresent() && fault.get().kind() != Fault.Kind.THROTTLING_IN_STREAM) {
            AgentErrors.beforeStream(exchange, fault.get().kind());
            return;
        }
        EchoReply reply = EchoReply.of(LABEL, input.sessionAttributes().get("tenant_id"), input.inputText(),
                "agent " + path.agentId() + " alias " + path.aliasId(), Integer.MAX_VALUE);
        var stream = exchange.openStream("application/vnd.amazon.eventstream", Map.of(
                "x-amzn-bedrock-agent-content-type", "application/json",
                "x-amz-bedrock-agent-session-id", path.sessionId()));
        new AgentStream(stream, current.pacing(), path, input, reply,
                fault.map(Fault::afterChunks).orElse(-1)).start();
    }
}
