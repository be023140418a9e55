package io.tenantchat.api.session.application;

import io.tenantchat.api.identity.Caller;
import io.tenantchat.api.session.domain.ChatSession;
import io.tenantchat.api.session.domain.SessionTitle;
import io.tenantchat.shared.SessionId;

/** Renames or deletes one of the caller's own sessions; anyone else's is {@link io.tenantchat.api.error.NotFoundException}. */
public interface ManageSessionUseCase {

    ChatSession rename(Caller caller, SessionId sessionId, SessionTitle title);

    /**
     * Deletes the session, then its messages (user messages, replies and their lookups). A reply still being
     * generated is discarded: the worker finds its user message gone and stores nothing.
     */
    void delete(Caller caller, SessionId sessionId);
}
