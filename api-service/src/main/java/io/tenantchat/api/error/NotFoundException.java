package io.tenantchat.api.error;

/** Nothing the caller may see exists under that id (also used for other tenants' and users' ids). */
public class NotFoundException extends RefusalException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String code, String message) {
        super(code, message);
    }
}
