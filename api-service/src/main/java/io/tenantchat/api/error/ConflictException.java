package io.tenantchat.api.error;

/** The request is valid but the resource is not in a state that allows it (409). */
public class ConflictException extends RefusalException {

    private static final long serialVersionUID = 1L;

    public ConflictException(String code, String message) {
        super(code, message);
    }
}
