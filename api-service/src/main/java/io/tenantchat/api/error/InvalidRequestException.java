package io.tenantchat.api.error;

/** The request is malformed or out of bounds; nothing was changed. */
public class InvalidRequestException extends RefusalException {

    private static final long serialVersionUID = 1L;

    public InvalidRequestException(String code, String message) {
        super(code, message);
    }
}
