package io.tenantchat.api.error;

/** The caller is authenticated but the request claims an identity or right it does not have. */
public class ForbiddenException extends RefusalException {

    private static final long serialVersionUID = 1L;

    public ForbiddenException(String code, String message) {
        super(code, message);
    }
}
