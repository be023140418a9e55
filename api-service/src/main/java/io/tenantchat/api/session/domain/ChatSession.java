package io.tenantchat.api.session.domain;

import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.UserId;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A conversation of one user within one tenant; {@code title} is null until the user names it. {@code kind} is
 * {@value #CHAT} for a conversation of the chat API and {@value #API} for one request of the OpenAI-compatible API,
 * whose given messages are the whole conversation.
 */
public record ChatSession(TenantId tenantId, UserId userId, SessionId sessionId, Instant createdAt,
        Instant lastActivity, long messageCount, @Nullable String title, String kind) {

    public static final String CHAT = "chat";
    public static final String API = "api";

    public ChatSession {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastActivity, "lastActivity");
        if (!CHAT.equals(kind) && !API.equals(kind)) {
            throw new IllegalArgumentException("kind must be chat or api");
        }
    }

    public ChatSession(TenantId tenantId, UserId userId, SessionId sessionId, Instant createdAt, Instant lastActivity,
            long messageCount, @Nullable String title) {
        this(tenantId, userId, sessionId, createdAt, lastActivity, messageCount, title, CHAT);
    }

    public ChatSession(TenantId tenantId, UserId userId, SessionId sessionId, Instant createdAt, Instant lastActivity,
            long messageCount) {
        this(tenantId, userId, sessionId, createdAt, lastActivity, messageCount, null);
    }

    public ChatSession withTitle(SessionTitle newTitle) {
        return new ChatSession(tenantId, userId, sessionId, createdAt, lastActivity, messageCount, newTitle.value(),
                kind);
    }

    public static ChatSession start(TenantId tenantId, UserId userId, SessionId sessionId, Instant now) {
        return new ChatSession(tenantId, userId, sessionId, now, now, 0);
    }

    /** A session of kind {@value #API}: one request of the OpenAI-compatible API. */
    public static ChatSession startApi(TenantId tenantId, UserId userId, SessionId sessionId, Instant now) {
        return new ChatSession(tenantId, userId, sessionId, now, now, 0, null, API);
    }

    /**
     * {@code {tenant_id}#{user_id}#{session_id}}: {@code #} never occurs in a tenant id, so an IAM
     * {@code dynamodb:LeadingKeys} pattern {@code <tenant>#*} matches this tenant's sessions only ({@code acme#*}
     * never matches {@code acme-corp#...}, which the seed's {@code -} separator did).
     */
    public String sessionKey() {
        return keyOf(tenantId, userId, sessionId);
    }

    public static String keyOf(TenantId tenantId, UserId userId, SessionId sessionId) {
        return tenantId.value() + "#" + userId.value() + "#" + sessionId.value();
    }

    /**
     * {@code {tenant_id}#{user_id}#session-count}: the key of the item counting the user's sessions (their cap). It
     * begins with the tenant like a session key, so the scoped role's {@code <tenant>#*} admits it, and never equals
     * one, as a session key ends with a UUID.
     */
    public static String userCounterKeyOf(TenantId tenantId, UserId userId) {
        return tenantId.value() + "#" + userId.value() + "#session-count";
    }
}
