package io.tenantchat.api.session.application;

import io.tenantchat.api.identity.Caller;
import io.tenantchat.api.session.domain.ChatSession;
import io.tenantchat.shared.SessionId;
import java.util.List;

/** Reads the caller's own sessions. */
public interface ViewSessionsUseCase {

    List<ChatSession> list(Caller caller);

    /** The caller's session; {@link io.tenantchat.api.error.NotFoundException} for anyone else's. */
    ChatSession get(Caller caller, SessionId sessionId);
}
