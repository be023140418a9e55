package io.tenantchat.localstack.agentcore;

import io.tenantchat.localstack.agentcore.AgentCoreStandIn.Fault;
import io.tenantchat.localstack.standin.Exchange;
import java.util.Map;

/** Errors as AgentCore answers them before any byte of the agent's stream: status, {@code x-amzn-ErrorType}, {@code {"message"}}. */
final class RuntimeErrors {

    private RuntimeErrors() {}

    static void send(Exchange exchange, int status, String type, String message) {
        exchange.respond(status, "application/json", Map.of("x-amzn-errortype", type),
                AgentPayload.JSON.writeValueAsBytes(Map.of("message", message)));
    }

    static void beforeStream(Exchange exchange, Fault.Kind kind) {
        switch (kind) {
            case THROTTLING -> send(exchange, 429, "ThrottlingException",
                    "Rate exceeded. (agentcore stand-in)");
            case SERVICE_QUOTA_EXCEEDED -> send(exchange, 402, "ServiceQuotaExceededException",
                    "Too many concurrent sessions. (agentcore stand-in)");
            case INTERNAL_SERVER -> send(exchange, 500, "InternalServerException",
                    "An internal error occurred. (agentcore stand-in)");
            case RUNTIME_CLIENT_ERROR -> send(exchange, 424, "RuntimeClientError",
                    "The agent runtime raised an error. (agentcore stand-in)");
            case VALIDATION -> send(exchange, 400, "ValidationException",
                    "Injected validation failure. (agentcore stand-in)");
            case ACCESS_DENIED -> send(exchange, 403, "AccessDeniedException",
                    "The caller may not invoke this agent runtime. (agentcore stand-in)");
            case RESOURCE_NOT_FOUND -> send(exchange, 404, "ResourceNotFoundException",
                    "The agent runtime does not exist. (agentcore stand-in)");
            case NONE, ERROR_IN_STREAM -> throw new IllegalArgumentException("not a pre-stream fault: " + kind);
        }
    }
}
