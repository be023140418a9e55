package io.tenantchat.api.export.application;

import io.tenantchat.api.identity.Caller;

/** Exports of stored conversations; every check is made before the first byte is written. */
public interface ExportDataUseCase {

    /**
     * One of the caller's own sessions with its whole conversation.
     *
     * @throws io.tenantchat.api.error.NotFoundException when the session is not the caller's
     */
    Export session(Caller caller, String sessionId);

    /**
     * Every session, message and monthly usage rollup of the caller's tenant, for its tenant-admin; recorded in the
     * tenant's audit trail before it is written.
     */
    Export tenant(Caller caller, String tenantId);
}
