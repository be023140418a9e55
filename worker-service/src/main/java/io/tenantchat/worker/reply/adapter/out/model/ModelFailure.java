package io.tenantchat.worker.reply.adapter.out.model;

/**
 * The kinds every provider's failures are sorted into. The first five may pass (the job is tried again), the others
 * never will.
 */
public enum ModelFailure {
    BUSY, TIMED_OUT, UNAVAILABLE, UNREACHABLE, UNEXPECTED,
    INVALID_REQUEST, ACCESS_DENIED, NOT_FOUND, REJECTED;

    /**
     * The kind of an HTTP error status: 429 busy, 408 timed out, 5xx unavailable, 400/413/422 an invalid request,
     * 401/403 access denied, 404 not found, any other a refusal.
     */
    public static ModelFailure ofHttpStatus(int status) {
        if (status == 429) {
            return BUSY;
        }
        if (status == 408) {
            return TIMED_OUT;
        }
        if (status >= 500) {
            return UNAVAILABLE;
        }
        return switch (status) {
            case 400, 413, 422 -> INVALID_REQUEST;
            case 401, 403 -> ACCESS_DENIED;
            case 404 -> NOT_FOUND;
            default -> REJECTED;
        };
    }
}
