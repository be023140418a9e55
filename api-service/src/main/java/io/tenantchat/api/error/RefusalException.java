package io.tenantchat.api.error;

/** An expected refusal with a stable machine-readable code and a message the client may read. */
public abstract class RefusalException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;

    protected RefusalException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
