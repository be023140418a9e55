package io.tenantchat.api.session.application;

import io.tenantchat.api.session.domain.ChatSession;
import io.tenantchat.api.session.domain.SessionTitle;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.UserId;
import java.util.List;
import java.util.Optional;

/** Stores sessions. Every method takes the tenant first; nothing reads across tenants. */
public interface SessionRepository {

    /**
     * Stores the new session unless its user already holds {@code maxSessionsOfUser} sessions in the tenant: then
     * false and nothing is written. Exact under any concurrency and across api instances.
     */
    boolean create(ChatSession session, int maxSessionsOfUser);

    /**
     * Stores the new session outside its user's session cap (a session of kind {@code api}).
     *
     * @return false when a session with its key exists already (nothing was written then)
     */
    boolean createUncounted(ChatSession session);

    Optional<ChatSession> find(TenantId tenantId, UserId userId, SessionId sessionId);

    /** Sets the title of the user's session; empty if the tenant and user hold no such session. */
    Optional<ChatSession> rename(TenantId tenantId, UserId userId, SessionId sessionId, SessionTitle title);

    /** Deletes the user's session (giving back its place under the cap); false if the tenant and user hold no such session. */
    boolean delete(TenantId tenantId, UserId userId, SessionId sessionId);

    /** The user's sessions, newest first, at most {@code limit}. */
    List<ChatSession> listForUser(TenantId tenantId, UserId userId, int limit);

    /**
     * All sessions of the tenant, newest first, one page.
     *
     * @throws io.tenantchat.api.error.InvalidRequestException if the cursor is not one this method handed out
     *     for this tenant
     */
    SessionPage listForTenant(TenantId tenantId, PageQuery page);
}
