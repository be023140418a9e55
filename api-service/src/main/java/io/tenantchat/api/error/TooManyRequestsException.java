package io.tenantchat.api.error;

/** The caller holds as many of something at once as it may (sockets, long polls, sessions): 429. */
public class TooManyRequestsException extends RefusalException {

    private static final long serialVersionUID = 1L;

    private final int limit;

    public TooManyRequestsException(String code, String message, int limit) {
        super(code, message);
        this.limit = limit;
    }

    public int limit() {
        return limit;
    }
}
