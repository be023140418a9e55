package io.tenantchat.worker.reply.domain;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A model call that produced no reply. Retryable failures (throttling, timeouts, outages) may succeed later;
 * the others never will.
 */
public class ChatModelException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ReplyFailure failure;
    private final boolean retryable;

    public ChatModelException(ReplyFailure failure, boolean retryable, @Nullable Throwable cause) {
        super(failure.code().wireValue() + ": " + failure.reason(), cause);
        this.failure = Objects.requireNonNull(failure, "failure");
        this.retryable = retryable;
    }

    public static ChatModelException retryable(String reason, @Nullable Throwable cause) {
        return new ChatModelException(new ReplyFailure(ErrorCode.MODEL_UNAVAILABLE, reason), true, cause);
    }

    public static ChatModelException permanent(ErrorCode code, String reason, @Nullable Throwable cause) {
        return new ChatModelException(new ReplyFailure(code, reason), false, cause);
    }

    public ReplyFailure failure() {
        return failure;
    }

    public boolean isRetryable() {
        return retryable;
    }
}
