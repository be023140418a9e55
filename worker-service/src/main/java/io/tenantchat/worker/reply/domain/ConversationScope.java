package io.tenantchat.worker.reply.domain;

import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.UserId;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whose conversation it is: the tenant, user and session that model providers with their own sessions (Bedrock
 * Agents, AgentCore) need as ids and attributes. Read from the {@code tenant:}, {@code user:} and {@code session:}
 * lines that the reply use case writes into the system prompt; only the system prompt is read, never the turns,
 * so user text cannot pose as another tenant. A conversation a client gave carries its scope itself (its system
 * prompt is the client's text and is never read for it).
 */
public record ConversationScope(TenantId tenantId, UserId userId, SessionId sessionId) {

    private static final Pattern TENANT = line("tenant");
    private static final Pattern USER = line("user");
    private static final Pattern SESSION = line("session");

    public ConversationScope {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(sessionId, "sessionId");
    }

    /** The scope named by the conversation's system prompt, or empty when a line is missing or malformed. */
    public static Optional<ConversationScope> of(Conversation conversation) {
        if (conversation.scope() != null) {
            return Optional.of(conversation.scope());
        }
        String prompt = conversation.systemPrompt();
        Optional<String> tenant = value(TENANT, prompt).filter(TenantId::isValid);
        Optional<String> user = value(USER, prompt).filter(UserId::isValid);
        Optional<String> session = value(SESSION, prompt).filter(SessionId::isValid);
        if (tenant.isEmpty() || user.isEmpty() || session.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ConversationScope(
                TenantId.of(tenant.get()), UserId.of(user.get()), SessionId.of(session.get())));
    }

    private static Optional<String> value(Pattern pattern, String prompt) {
        Matcher matcher = pattern.matcher(prompt);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private static Pattern line(String name) {
        return Pattern.compile("(?m)^" + name + ": (\\S+)$");
    }
}
