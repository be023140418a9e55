package io.tenantchat.worker.reply.adapter.out.bedrock;

import io.tenantchat.worker.reply.domain.ChatModelException;
import io.tenantchat.worker.reply.domain.ErrorCode;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.bedrockruntime.model.AccessDeniedException;
import software.amazon.awssdk.services.bedrockruntime.model.BedrockRuntimeException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelErrorException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelNotReadyException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelStreamErrorException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelTimeoutException;
import software.amazon.awssdk.services.bedrockruntime.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

/**
 * Turns Bedrock and SDK errors into {@link ChatModelException}s: throttling, outages and timeouts may pass,
 * invalid requests and missing access or models never will. Reasons are written for users and never carry
 * account details from AWS messages, except for validation errors, whose text explains what to change.
 */
final class BedrockErrors {

    static final String TIMED_OUT = "The model did not answer in time.";
    private static final int MAX_DETAIL = 300;

    private BedrockErrors() {}

    static ChatModelException classify(@Nullable Throwable error) {
        Throwable cause = unwrap(error);
        if (cause instanceof BedrockRuntimeException bedrock) {
            return classifyService(bedrock);
        }
        if (cause instanceof SdkClientException) {
            return ChatModelException.retryable("The model could not be reached.", cause);
        }
        return ChatModelException.retryable("The model call failed unexpectedly.", cause);
    }

    private static ChatModelException classifyService(BedrockRuntimeException e) {
        if (e instanceof ThrottlingException || e instanceof ModelNotReadyException) {
            return ChatModelException.retryable("The model is busy right now.", e);
        }
        if (e instanceof ModelTimeoutException) {
            return ChatModelException.retryable(TIMED_OUT, e);
        }
        if (e instanceof ModelStreamErrorException || e instanceof ModelErrorException || e.statusCode() >= 500) {
            return ChatModelException.retryable("The model service is temporarily unavailable.", e);
        }
        return classifyRefusal(e);
    }

    private static ChatModelException classifyRefusal(BedrockRuntimeException e) {
        if (e instanceof ValidationException) {
            return ChatModelException.permanent(ErrorCode.INVALID_REQUEST,
                    "The model rejected the request: " + detail(e), e);
        }
        if (e instanceof AccessDeniedException) {
            return ChatModelException.permanent(ErrorCode.MODEL_ACCESS_DENIED,
                    "This service is not allowed to use the configured model.", e);
        }
        if (e instanceof ResourceNotFoundException) {
            return ChatModelException.permanent(ErrorCode.MODEL_NOT_FOUND, "The configured model is not available.", e);
        }
        if (e.statusCode() == 429) {
            return ChatModelException.retryable("The model is busy right now.", e);
        }
        return ChatModelException.permanent(ErrorCode.MODEL_REJECTED, "The model refused the request.", e);
    }

    private static String detail(BedrockRuntimeException e) {
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
