package io.tenantchat.api.error;

import org.jspecify.annotations.Nullable;

/** The caller holds as many of something at once as it may (sockets, long polls, sessions): 429. */
public class TooManyRequestsException extends RefusalException {

    private static final long serialVersionUID = 1L;

    private final int limit;
    private final @Nullable Integer retryAfterSeconds;

    /** A bound that frees itself soon (a poll ends): {@code Retry-After: 1}. */
    public TooManyRequestsException(String code, String message, int limit) {
        this(code, message, limit, 1);
    }

    /**
     * @param retryAfterSeconds the {@code Retry-After} to send, or null when waiting frees nothing (the caller
     *     must give something back first, e.g. delete a session)
     */
    public TooManyRequestsException(String code, String message, int limit, @Nullable Integer retryAfterSeconds) {
        super(code, message);
        this.limit = limit;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int limit() {
        return limit;
    }

    /** Null when waiting alone frees nothing. */
    public @Nullable Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
