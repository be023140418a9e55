package io.tenantchat.worker.reply.adapter.out.model;

import io.tenantchat.worker.reply.domain.ChatModelException;
import io.tenantchat.worker.reply.domain.ErrorCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpTimeoutException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * One classification of model call failures into {@link ChatModelException}s, worded for one provider. A provider
 * names which of its service exceptions are which {@link ModelFailure}; any other service error counts by its
 * status (429 busy, 5xx unavailable, else a refusal). Client-side and I/O errors may pass, timeouts too. Reasons
 * are written for users and never carry account details from provider messages, except for an invalid request,
 * whose text explains what to change.
 */
public final class ModelErrors {

    private static final int MAX_DETAIL = 300;

    private final String noun;
    private final String service;
    private final String configured;
    private final Map<Class<? extends Throwable>, ModelFailure> failures = new LinkedHashMap<>();

    private ModelErrors(String noun, String service, String configured) {
        this.noun = noun;
        this.service = service;
        this.configured = configured;
    }

    /**
     * Errors worded for {@code noun} ("model", "agent"), whose backend is {@code service} ("model service") and
     * whose configured target is {@code configured} ("model", "agent runtime").
     */
    public static ModelErrors of(String noun, String service, String configured) {
        return new ModelErrors(noun, service, configured);
    }

    /** Service exceptions of these types are {@code failure} (checked in the order given, before the status). */
    @SafeVarargs
    public final ModelErrors with(ModelFailure failure, Class<? extends Throwable>... types) {
        List.of(types).forEach(type -> failures.put(type, failure));
        return this;
    }

    public String timedOut() {
        return "The " + noun + " did not answer in time.";
    }

    /** Classifies the failure of a call, unwrapping what futures and streams wrap it in. */
    public ChatModelException classify(@Nullable Throwable error) {
        Throwable cause = unwrap(error);
        if (cause instanceof ChatModelException classified) {
            return classified;
        }
        if (cause instanceof AwsServiceException e) {
            String message = e.awsErrorDetails() != null ? e.awsErrorDetails().errorMessage() : null;
            return of(failureOf(e), message, e);
        }
        if (cause instanceof HttpTimeoutException) {
            return of(ModelFailure.TIMED_OUT, null, cause);
        }
        if (cause instanceof SdkClientException || cause instanceof IOException) {
            return of(ModelFailure.UNREACHABLE, null, cause);
        }
        return of(ModelFailure.UNEXPECTED, null, cause);
    }

    /** The exception of {@code failure}; {@code detail} is the provider's reason, shown for an invalid request. */
    public ChatModelException of(ModelFailure failure, @Nullable String detail, @Nullable Throwable cause) {
        return switch (failure) {
            case BUSY -> ChatModelException.retryable("The " + noun + " is busy right now.", cause);
            case TIMED_OUT -> ChatModelException.retryable(timedOut(), cause);
            case UNAVAILABLE -> ChatModelException.retryable("The " + service + " is temporarily unavailable.", cause);
            case UNREACHABLE -> ChatModelException.retryable("The " + noun + " could not be reached.", cause);
            case UNEXPECTED -> ChatModelException.retryable("The " + noun + " call failed unexpectedly.", cause);
            case INVALID_REQUEST -> ChatModelException.permanent(ErrorCode.INVALID_REQUEST,
                    "The " + noun + " rejected the request: " + detail(detail), cause);
            case ACCESS_DENIED -> ChatModelException.permanent(ErrorCode.MODEL_ACCESS_DENIED,
                    "This service is not allowed to use the configured " + configured + ".", cause);
            case NOT_FOUND -> ChatModelException.permanent(ErrorCode.MODEL_NOT_FOUND,
                    "The configured " + configured + " is not available.", cause);
            case REJECTED -> ChatModelException.permanent(ErrorCode.MODEL_REJECTED,
                    "The " + noun + " refused the request.", cause);
        };
    }

    /**
     * Waits for {@code call} until {@code deadlineNanos} ({@link System#nanoTime()}); on timeout or interruption
     * {@code cancel} runs and the call is cancelled; a failed call is {@link #classify classified}.
     */
    public <T> T await(CompletableFuture<T> call, long deadlineNanos, Runnable cancel) {
        try {
            return call.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw classify(e.getCause());
        } catch (TimeoutException e) {
            cancel.run();
            call.cancel(true);
            throw ChatModelException.retryable(timedOut(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel.run();
            call.cancel(true);
            throw ChatModelException.retryable("The reply was interrupted.", e);
        }
    }

    private ModelFailure failureOf(AwsServiceException e) {
        for (Map.Entry<Class<? extends Throwable>, ModelFailure> known : failures.entrySet()) {
            if (known.getKey().isInstance(e)) {
                return known.getValue();
            }
        }
        if (e.statusCode() == 429) {
            return ModelFailure.BUSY;
        }
        return e.statusCode() >= 500 ? ModelFailure.UNAVAILABLE : ModelFailure.REJECTED;
    }

    private static String detail(@Nullable String message) {
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
