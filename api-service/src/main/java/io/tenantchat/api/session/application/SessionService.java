package io.tenantchat.api.session.application;

import io.tenantchat.api.error.ForbiddenException;
import io.tenantchat.api.error.NotFoundException;
import io.tenantchat.api.error.TooManyRequestsException;
import io.tenantchat.api.identity.Caller;
import io.tenantchat.api.session.domain.ChatSession;
import io.tenantchat.api.session.domain.SessionTitle;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import java.time.Clock;
import java.util.List;

/** Session use cases, always scoped to the caller's tenant (and user, unless the caller administers the tenant). */
public final class SessionService
        implements StartSessionUseCase, ViewSessionsUseCase, ViewTenantSessionsUseCase, ManageSessionUseCase {

    static final int LIST_LIMIT = 100;
    /** Default of {@code tenantchat.limits.max-sessions-per-user}. */
    public static final int DEFAULT_MAX_SESSIONS_PER_USER = 1000;

    private final SessionRepository sessions;
    private final ConversationEraser conversations;
    private final Clock clock;
    private final MessageQuotas quotas;
    private final int maxSessionsPerUser;

    /** For contexts without quotas. */
    public SessionService(SessionRepository sessions, ConversationEraser conversations, Clock clock) {
        this(sessions, conversations, clock, (tenantId, messageId) -> { });
    }

    public SessionService(SessionRepository sessions, ConversationEraser conversations, Clock clock,
            MessageQuotas quotas) {
        this(sessions, conversations, clock, quotas, DEFAULT_MAX_SESSIONS_PER_USER);
    }

    public SessionService(SessionRepository sessions, ConversationEraser conversations, Clock clock,
            MessageQuotas quotas, int maxSessionsPerUser) {
        if (maxSessionsPerUser < 1) {
            throw new IllegalArgumentException("maxSessionsPerUser must be at least 1");
        }
        this.maxSessionsPerUser = maxSessionsPerUser;
        this.sessions = sessions;
        this.conversations = conversations;
        this.clock = clock;
        this.quotas = quotas;
    }

    /**
     * A user holds at most {@code maxSessionsPerUser} sessions in a tenant (whatever the tier): one more is refused
     * with {@link TooManyRequestsException} {@code too_many_sessions_per_user} and nothing is written; deleting a
     * session makes room for one.
     */
    @Override
    public ChatSession start(Caller caller) {
        ChatSession session = ChatSession.start(caller.tenantId(), caller.userId(), SessionId.random(), clock.instant());
        if (!sessions.create(session, maxSessionsPerUser)) {
            throw new TooManyRequestsException("too_many_sessions_per_user", "you already have " + maxSessionsPerUser
                    + " sessions, the most one user may keep; delete one to start another", maxSessionsPerUser, null);
        }
        return session;
    }

    @Override
    public List<ChatSession> list(Caller caller) {
        return sessions.listForUser(caller.tenantId(), caller.userId(), LIST_LIMIT);
    }

    @Override
    public ChatSession get(Caller caller, SessionId sessionId) {
        return sessions.find(caller.tenantId(), caller.userId(), sessionId)
                .orElseThrow(() -> new NotFoundException("session_not_found", "no such session"));
    }

    @Override
    public ChatSession rename(Caller caller, SessionId sessionId, SessionTitle title) {
        return sessions.rename(caller.tenantId(), caller.userId(), sessionId, title).orElseThrow(SessionService::notFound);
    }

    /**
     * The session goes first, so no new message can join it (a message needs its session); then its messages; then
     * the quota holds of those that had not ended, as no worker can complete them now (each hold gives back once, so
     * a worker releasing the same hold meanwhile changes nothing).
     */
    @Override
    public void delete(Caller caller, SessionId sessionId) {
        if (!sessions.delete(caller.tenantId(), caller.userId(), sessionId)) {
            throw notFound();
        }
        conversations.erase(caller.tenantId(), sessionId)
                .forEach(messageId -> quotas.release(caller.tenantId(), messageId));
    }

    private static NotFoundException notFound() {
        return new NotFoundException("session_not_found", "no such session");
    }

    @Override
    public SessionPage listTenantSessions(Caller caller, TenantId tenantId, PageQuery page) {
        if (!caller.isTenantAdmin()) {
            throw new ForbiddenException("tenant_admin_required", "only a tenant-admin may list the tenant's sessions");
        }
        if (!caller.tenantId().equals(tenantId)) {
            throw new ForbiddenException("tenant_mismatch", "the tenant in the path does not match the token");
        }
        return sessions.listForTenant(caller.tenantId(), page);
    }
}
