package io.tenantchat.api.support;

import io.tenantchat.api.session.application.PageQuery;
import io.tenantchat.api.session.application.SessionPage;
import io.tenantchat.api.session.application.SessionRepository;
import io.tenantchat.api.session.domain.ChatSession;
import io.tenantchat.api.session.domain.SessionTitle;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.UserId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A fake {@link SessionRepository} for use-case tests. */
public final class InMemorySessionRepository implements SessionRepository {

    private final Map<String, ChatSession> sessions = new ConcurrentHashMap<>();

    @Override
    public synchronized boolean create(ChatSession session, int maxSessionsOfUser) {
        if (listForUser(session.tenantId(), session.userId(), Integer.MAX_VALUE).size() >= maxSessionsOfUser) {
            return false;
        }
        if (sessions.putIfAbsent(session.sessionKey(), session) != null) {
            throw new IllegalStateException("duplicate session");
        }
        return true;
    }

    @Override
    public boolean createUncounted(ChatSession session) {
        return sessions.putIfAbsent(session.sessionKey(), session) == null;
    }

    @Override
    public Optional<ChatSession> find(TenantId tenantId, UserId userId, SessionId sessionId) {
        return Optional.ofNullable(sessions.get(ChatSession.keyOf(tenantId, userId, sessionId)));
    }

    @Override
    public Optional<ChatSession> rename(TenantId tenantId, UserId userId, SessionId sessionId, SessionTitle title) {
        return Optional.ofNullable(sessions.computeIfPresent(ChatSession.keyOf(tenantId, userId, sessionId),
                (key, session) -> session.withTitle(title)));
    }

    @Override
    public synchronized boolean delete(TenantId tenantId, UserId userId, SessionId sessionId) {
        return sessions.remove(ChatSession.keyOf(tenantId, userId, sessionId)) != null;
    }

    @Override
    public SessionPage listForTenant(TenantId tenantId, PageQuery page) {
        List<ChatSession> all = sessions.values().stream()
                .filter(s -> s.tenantId().equals(tenantId))
                .sorted(Comparator.comparing(ChatSession::createdAt).reversed())
                .toList();
        int from = page.cursor() == null ? 0 : Integer.parseInt(page.cursor());
        int to = Math.min(all.size(), from + page.limit());
        return new SessionPage(all.subList(from, to), to < all.size() ? Integer.toString(to) : null);
    }

    @Override
    public List<ChatSession> listForUser(TenantId tenantId, UserId userId, int limit) {
        return sessions.values().stream()
                .filter(s -> s.tenantId().equals(tenantId) && s.userId().equals(userId))
                .sorted(Comparator.comparing(ChatSession::createdAt).reversed())
                .limit(limit)
                .toList();
    }
}
