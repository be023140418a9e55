package io.tenantchat.api.session.application;

import io.tenantchat.api.session.domain.ChatSession;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** One page of sessions, newest first, and the cursor of the next page if there may be one. */
public record SessionPage(List<ChatSession> sessions, @Nullable String nextCursorOrNull) {

    public SessionPage {
        sessions = List.copyOf(sessions);
    }

    public Optional<String> nextCursor() {
        return Optional.ofNullable(nextCursorOrNull);
    }
}
