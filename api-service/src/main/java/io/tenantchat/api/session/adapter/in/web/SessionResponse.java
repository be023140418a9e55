package io.tenantchat.api.session.adapter.in.web;

import io.tenantchat.api.session.domain.ChatSession;
import org.jspecify.annotations.Nullable;

/** Wire shape of a session (the seed's attributes). */
record SessionResponse(String sessionId, String sessionKey, String tenantId, String userId, String createdAt,
        String lastActivity, long messageCount, @Nullable String title, String kind) {

    static SessionResponse of(ChatSession s) {
        return new SessionResponse(s.sessionId().value(), s.sessionKey(), s.tenantId().value(), s.userId().value(),
                s.createdAt().toString(), s.lastActivity().toString(), s.messageCount(), s.title(),
                s.kind());
    }
}
