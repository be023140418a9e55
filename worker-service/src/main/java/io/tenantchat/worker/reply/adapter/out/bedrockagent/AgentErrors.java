package io.tenantchat.worker.reply.adapter.out.bedrockagent;

import io.tenantchat.worker.reply.domain.ChatModelException;
import io.tenantchat.worker.reply.domain.ErrorCode;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.bedrockagentruntime.model.AccessDeniedException;
import software.amazon.awssdk.services.bedrockagentruntime.model.BadGatewayException;
import software.amazon.awssdk.services.bedrockagentruntime.model.BedrockAgentRuntimeException;
import software.amazon.awssdk.services.bedrockagentruntime.model.ConflictException;
import software.amazon.awssdk.services.bedrockagentruntime.model.DependencyFailedException;
import software.amazon.awssdk.services.bedrockagentruntime.model.ModelNotReadyException;
import software.amazon.awssdk.services.bedrockagentruntime.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrockagentruntime.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.bedrockagentruntime.model.ThrottlingException;
import software.amazon.awssdk.services.bedrockagentruntime.model.ValidationException;

/**
 * Turns Bedrock Agent Runtime and SDK errors into {@link ChatModelException}s. Retryable: throttling, quota, model
 * not ready, a busy session (conflict), failed dependencies (action groups), bad gateway and 5xx. Final: validation
 * (with its reason), access denied, agent or alias not found, and any other refusal.
 */
final class AgentErrors {

    static final String TIMED_OUT = "The agent did not answer in time.";
    private static final int MAX_DETAIL = 300;

    private AgentErrors() {}

    static ChatModelException classify(@Nullable Throwable error) {
        Throwable cause = unwrap(error);
        if (cause instanceof ChatModelException classified) {
            return classified;
        }
        if (cause instanceof BedrockAgentRuntimeException agent) {
            return classifyService(agent);
        }
        if (cause instanceof SdkClientException) {
            return ChatModelException.retryable("The agent could not be reached.", cause);
        }
        return ChatModelException.retryable("The agent call failed unexpectedly.", cause);
    }

    private static ChatModelException classifyService(BedrockAgentRuntimeException e) {
        if (e instanceof ThrottlingException || e instanceof ServiceQuotaExceededException
                || e instanceof ModelNotReadyException || e instanceof ConflictException || e.statusCode() == 429) {
            return ChatModelException.retryable("The agent is busy right now.", e);
        }
        if (e instanceof DependencyFailedException || e instanceof BadGatewayException || e.statusCode() >= 500) {
            return ChatModelException.retryable("The agent service is temporarily unavailable.", e);
        }
        if (e instanceof ValidationException) {
            return ChatModelException.permanent(ErrorCode.INVALID_REQUEST,
                    "The agent rejected the request: " + detail(e), e);
        }
        if (e instanceof AccessDeniedException) {
            return ChatModelException.permanent(ErrorCode.MODEL_ACCESS_DENIED,
                    "This service is not allowed to use the configured agent.", e);
        }
        if (e instanceof ResourceNotFoundException) {
            return ChatModelException.permanent(ErrorCode.MODEL_NOT_FOUND, "The configured agent is not available.", e);
        }
        return ChatModelException.permanent(ErrorCode.MODEL_REJECTED, "The agent refused the request.", e);
    }

    private static String detail(BedrockAgentRuntimeException e) {
        String message = e.awsErrorDetails() != null ? e.awsErrorDetails().errorMessage() : null;
        if (message == null || message.isBlank()) {
            return "invalid request.";
        }
        return message.length() <= MAX_DETAIL ? message : message.substring(0, MAX_DETAIL) + "…";
    }

    private static @Nullable Throwable unwrap(@Nullable Throwable error) {
        Throwable current = error;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
