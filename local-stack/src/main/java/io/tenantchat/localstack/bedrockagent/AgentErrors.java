package io.tenantchat.localstack.bedrockagent;

import io.tenantchat.localstack.bedrockagent.AgentWire.ErrorMessage;
import io.tenantchat.localstack.bedrockagent.BedrockAgentStandIn.Fault;
import io.tenantchat.localstack.standin.Exchange;
import java.util.Map;

/** Errors as Bedrock Agent Runtime answers them before any event: status, {@code x-amzn-ErrorType}, {@code {"message"}}. */
final class AgentErrors {

    private AgentErrors() {}

    static void send(Exchange exchange, int status, String type, String message) {
        exchange.respond(status, "application/json", Map.of("x-amzn-errortype", type),
                AgentWire.json(new ErrorMessage(message)));
    }

    static void beforeStream(Exchange exchange, Fault.Kind kind) {
        switch (kind) {
            case THROTTLING -> send(exchange, 429, "ThrottlingException",
                    "Your request rate is too high. Reduce the frequency of requests. (bedrock-agent stand-in)");
            case INTERNAL_SERVER -> send(exchange, 500, "InternalServerException",
                    "An internal server error occurred. (bedrock-agent stand-in)");
            case DEPENDENCY_FAILED -> send(exchange, 424, "DependencyFailedException",
                    "A dependency of the agent failed. (bedrock-agent stand-in)");
            case VALIDATION -> send(exchange, 400, "ValidationException",
                    "Injected validation failure. (bedrock-agent stand-in)");
            case ACCESS_DENIED -> send(exchange, 403, "AccessDeniedException",
                    "The caller may not invoke this agent. (bedrock-agent stand-in)");
            case RESOURCE_NOT_FOUND -> send(exchange, 404, "ResourceNotFoundException",
                    "The agent or alias does not exist. (bedrock-agent stand-in)");
            case NONE, THROTTLING_IN_STREAM -> throw new IllegalArgumentException("not a pre-stream fault: " + kind);
        }
    }
}
