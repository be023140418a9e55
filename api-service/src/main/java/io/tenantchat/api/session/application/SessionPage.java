package io.tenantchat.api.session.application;

import io.tenantchat.api.session.domain.ChatSession;
import java.util.List;
import java.util.Optional;

/** One page of sessions, newest first, and the cursor of the next page if there may be one. */
public record SessionPage(List<ChatSession> sessions, String nextCursorOrNull) {

    public SessionPage {
        sessions = List.copyOf(sessions);
    }

    public Optional<String> nextCursor() {
        return Optional.ofNullable(nextCursorOrNull);
    }
}
