package io.tenantchat.api.error;

/** A dependency needed to accept the request is down; nothing was accepted. */
public class UnavailableException extends RefusalException {

    private static final long serialVersionUID = 1L;

    public UnavailableException(String code, String message) {
        super(code, message);
    }
}
