package io.tenantchat.worker.reply.adapter.out.agentcore;

import io.tenantchat.worker.reply.domain.ChatModelException;
import io.tenantchat.worker.reply.domain.ErrorCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.bedrockagentcore.model.AccessDeniedException;
import software.amazon.awssdk.services.bedrockagentcore.model.BedrockAgentCoreException;
import software.amazon.awssdk.services.bedrockagentcore.model.ConflictException;
import software.amazon.awssdk.services.bedrockagentcore.model.InvalidInputException;
import software.amazon.awssdk.services.bedrockagentcore.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrockagentcore.model.RuntimeClientErrorException;
import software.amazon.awssdk.services.bedrockagentcore.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.bedrockagentcore.model.ThrottledException;
import software.amazon.awssdk.services.bedrockagentcore.model.ThrottlingException;
import software.amazon.awssdk.services.bedrockagentcore.model.UnauthorizedException;
import software.amazon.awssdk.services.bedrockagentcore.model.ValidationException;

/**
 * Turns AgentCore, SDK and stream errors into {@link ChatModelException}s. Retryable: throttling, quota, a busy
 * session (conflict), the agent's own runtime error (424), 5xx, broken connections and errors the agent reports
 * inside its stream. Final: validation (with its reason), access denied, runtime not found, other refusals.
 */
final class AgentCoreErrors {

    static final String TIMED_OUT = "The agent did not answer in time.";
    private static final int MAX_DETAIL = 300;

    private AgentCoreErrors() {}

    static ChatModelException classify(@Nullable Throwable error) {
        Throwable cause = unwrap(error);
        if (cause instanceof ChatModelException classified) {
            return classified;
        }
        if (cause instanceof BedrockAgentCoreException agentCore) {
            return classifyService(agentCore);
        }
        if (cause instanceof SdkClientException || cause instanceof IOException) {
            return ChatModelException.retryable("The agent could not be reached.", cause);
        }
        return ChatModelException.retryable("The agent call failed unexpectedly.", cause);
    }

    /** An error event inside the agent's stream: the reply so far is void, a later call may succeed. */
    static ChatModelException inStream(AgentEvent.Failure failure) {
        String type = failure.type();
        boolean busy = type != null && type.toLowerCase(Locale.ROOT).contains("throttl");
        return ChatModelException.retryable(busy ? "The agent is busy right now."
                : "The agent failed while answering.", null);
    }

    private static ChatModelException classifyService(BedrockAgentCoreException e) {
        if (e instanceof ThrottlingException || e instanceof ThrottledException
                || e instanceof ServiceQuotaExceededException || e instanceof ConflictException
                || e.statusCode() == 429) {
            return ChatModelException.retryable("The agent is busy right now.", e);
        }
        if (e instanceof RuntimeClientErrorException || e.statusCode() >= 500) {
            return ChatModelException.retryable("The agent service is temporarily unavailable.", e);
        }
        if (e instanceof ValidationException || e instanceof InvalidInputException) {
            return ChatModelException.permanent(ErrorCode.INVALID_REQUEST,
                    "The agent rejected the request: " + detail(e), e);
        }
        if (e instanceof AccessDeniedException || e instanceof UnauthorizedException) {
            return ChatModelException.permanent(ErrorCode.MODEL_ACCESS_DENIED,
                    "This service is not allowed to use the configured agent runtime.", e);
        }
        if (e instanceof ResourceNotFoundException) {
            return ChatModelException.permanent(ErrorCode.MODEL_NOT_FOUND,
                    "The configured agent runtime is not available.", e);
        }
        return ChatModelException.permanent(ErrorCode.MODEL_REJECTED, "The agent refused the request.", e);
    }

    private static String detail(BedrockAgentCoreException e) {
        String message = e.awsErrorDetails() != null ? e.awsErrorDetails().errorMessage() : null;
        if (message == null || message.isBlank()) {
            return "invalid request.";
        }
        return message.length() <= MAX_DETAIL ? message : message.substring(0, MAX_DETAIL) + "…";
    }

    private static @Nullable Throwable unwrap(@Nullable Throwable error) {
        Throwable current = error;
        while ((current instanceof CompletionException || current instanceof ExecutionException
                || current instanceof UncheckedIOException) && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
