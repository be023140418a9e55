package io.tenantchat.worker.reply.adapter.out.openai;

import io.tenantchat.worker.reply.domain.ChatModelException;
import io.tenantchat.worker.reply.domain.ErrorCode;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

/**
 * Turns HTTP statuses and I/O failures of an OpenAI-compatible server into {@link ChatModelException}s. Retryable:
 * 429 (rate limit, Ollama's "server busy"), 408, 5xx (vLLM and llama-server answer 503 while loading a model),
 * timeouts and broken connections. Final: 400/413/422 (with the server's reason), 401/403, 404 (model not
 * pulled or served), other 4xx.
 */
final class OpenAiErrors {

    static final String TIMED_OUT = "The model did not answer in time.";
    private static final int MAX_DETAIL = 300;

    private OpenAiErrors() {}

    static ChatModelException forStatus(int status, String body) {
        if (status == 429) {
            return ChatModelException.retryable("The model is busy right now.", null);
        }
        if (status == 408) {
            return ChatModelException.retryable(TIMED_OUT, null);
        }
        if (status >= 500) {
            return ChatModelException.retryable("The model server is temporarily unavailable.", null);
        }
        return switch (status) {
            case 400, 413, 422 -> ChatModelException.permanent(ErrorCode.INVALID_REQUEST,
                    "The model rejected the request: " + detail(body), null);
            case 401, 403 -> ChatModelException.permanent(ErrorCode.MODEL_ACCESS_DENIED,
                    "This service is not allowed to use the configured model.", null);
            case 404 -> ChatModelException.permanent(ErrorCode.MODEL_NOT_FOUND,
                    "The configured model is not available.", null);
            default -> ChatModelException.permanent(ErrorCode.MODEL_REJECTED, "The model refused the request.", null);
        };
    }

    static ChatModelException classify(@Nullable Throwable error) {
        Throwable cause = unwrap(error);
        if (cause instanceof ChatModelException classified) {
            return classified;
        }
        if (cause instanceof HttpTimeoutException) {
            return ChatModelException.retryable(TIMED_OUT, cause);
        }
        if (cause instanceof IOException) {
            return ChatModelException.retryable("The model could not be reached.", cause);
        }
        return ChatModelException.retryable("The model call failed unexpectedly.", cause);
    }

    /** {@code error.message} of an OpenAI error body, or a generic text. */
    static String detail(String body) {
        String message;
        try {
            var error = ChatCompletionRequests.JSON.readTree(body).path("error");
            message = error.isString() ? error.stringValue() : error.path("message").asString("");
        } catch (JacksonException notJson) {
            message = body;
        }
        if (message.isBlank()) {
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
