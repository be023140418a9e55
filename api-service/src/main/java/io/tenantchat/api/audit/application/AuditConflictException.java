package io.tenantchat.api.audit.application;

/** Another entry took the sequence number first (a concurrent action on the same tenant); nothing was written. */
public class AuditConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AuditConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
