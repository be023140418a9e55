package io.tenantchat.api.support;

import io.tenantchat.api.chat.application.BranchesMovedException;
import io.tenantchat.api.chat.application.ConversationPage;
import io.tenantchat.api.chat.application.SessionBranches;
import io.tenantchat.api.chat.domain.ConversationTree;
import io.tenantchat.api.chat.application.MessageStore;
import io.tenantchat.api.chat.domain.ChatMessage;
import io.tenantchat.api.chat.domain.Exchange;
import io.tenantchat.api.chat.domain.IdempotencyKey;
import io.tenantchat.api.chat.domain.MessageError;
import io.tenantchat.api.chat.domain.MessageRef;
import io.tenantchat.api.chat.domain.MessageStatus;
import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.UserId;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A fake {@link MessageStore} for use-case tests. */
public final class InMemoryMessageStore implements MessageStore {

    private final Map<MessageId, ChatMessage> messages = new ConcurrentHashMap<>();
    private final Map<String, MessageRef> idempotencyKeys = new ConcurrentHashMap<>();
    private final Map<SessionId, SessionBranches> branches = new ConcurrentHashMap<>();
    private final io.tenantchat.api.session.application.@org.jspecify.annotations.Nullable SessionRepository sessions;

    /** A store whose every session exists (no ownership check of sessions). */
    public InMemoryMessageStore() {
        this(null);
    }

    /** A store that knows sessions (and their owners) from {@code sessions}. */
    public InMemoryMessageStore(io.tenantchat.api.session.application.@org.jspecify.annotations.Nullable SessionRepository sessions) {
        this.sessions = sessions;
    }

    @Override
    public Optional<SessionBranches> branches(TenantId tenantId, UserId userId, SessionId sessionId) {
        if (sessions != null && sessions.find(tenantId, userId, sessionId).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(branches.getOrDefault(sessionId, SessionBranches.LINEAR));
    }

    @Override
    public synchronized void switchBranch(TenantId tenantId, UserId userId, SessionId sessionId, SessionBranches read,
            ConversationTree.Activation activation) {
        if (!branches.getOrDefault(sessionId, SessionBranches.LINEAR).equals(read)) {
            throw new BranchesMovedException();
        }
        branches.put(sessionId, new SessionBranches(activation.leaf(), activation.choices(), read.version() + 1));
    }

    @Override
    public void saveQueued(ChatMessage message) {
        messages.put(message.messageId(), message);
    }

    @Override
    public synchronized Optional<MessageRef> saveQueued(ChatMessage message, IdempotencyKey key, Instant expiresAt) {
        MessageRef original = idempotencyKeys.get(message.tenantId().value() + "#" + message.userId().value() + "#" + key.value());
        if (original != null) {
            return Optional.of(original);
        }
        idempotencyKeys.put(message.tenantId().value() + "#" + message.userId().value() + "#" + key.value(),
                new MessageRef(message.tenantId(), message.sessionId(), message.userId(), message.messageId()));
        saveQueued(message);
        return Optional.empty();
    }

    @Override
    public ConversationPage conversationPage(TenantId tenantId, SessionId sessionId, MessageId afterOrNull,
            int limit) {
        List<Exchange> after = conversation(tenantId, sessionId).stream()
                .filter(e -> afterOrNull == null || e.message().messageId().value().compareTo(afterOrNull.value()) > 0)
                .toList();
        List<Exchange> page = after.stream().limit(limit).toList();
        return new ConversationPage(page, after.size() > limit ? page.get(page.size() - 1).message().messageId() : null);
    }

    @Override
    public Optional<MessageRef> findRef(TenantId tenantId, MessageId messageId) {
        return Optional.ofNullable(messages.get(messageId)).filter(m -> m.tenantId().equals(tenantId))
                .map(m -> new MessageRef(m.tenantId(), m.sessionId(), m.userId(), m.messageId()));
    }

    @Override
    public Optional<Exchange> findExchange(TenantId tenantId, SessionId sessionId, MessageId messageId) {
        return Optional.ofNullable(messages.get(messageId))
                .filter(m -> m.tenantId().equals(tenantId) && m.sessionId().equals(sessionId))
                .map(m -> new Exchange(m, null));
    }

    @Override
    public List<Exchange> conversation(TenantId tenantId, SessionId sessionId) {
        return messages.values().stream()
                .filter(m -> m.tenantId().equals(tenantId) && m.sessionId().equals(sessionId))
                .sorted(Comparator.comparing(m -> m.messageId().value()))
                .map(m -> new Exchange(m, null))
                .toList();
    }

    @Override
    public void markFailed(TenantId tenantId, SessionId sessionId, MessageId messageId, MessageError error, Instant at) {
        messages.computeIfPresent(messageId, (id, m) -> new ChatMessage(m.tenantId(), m.sessionId(), m.userId(),
                m.messageId(), m.content(), MessageStatus.FAILED, m.attempts(), error, m.createdAt(), at));
    }

    /** Messages with a stop request that are still processing (the worker would end them cancelled). */
    public final java.util.Set<MessageId> stopping = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @Override
    public io.tenantchat.api.chat.application.CancelOutcome cancel(TenantId tenantId, SessionId sessionId,
            MessageId messageId, Instant at) {
        ChatMessage m = messages.get(messageId);
        if (m == null || !m.tenantId().equals(tenantId) || !m.sessionId().equals(sessionId)) {
            return io.tenantchat.api.chat.application.CancelOutcome.NOT_FOUND;
        }
        return switch (m.status()) {
            case QUEUED -> {
                messages.put(messageId, new ChatMessage(m.tenantId(), m.sessionId(), m.userId(), m.messageId(),
                        m.content(), MessageStatus.CANCELLED, m.attempts(), null, m.createdAt(), at));
                yield io.tenantchat.api.chat.application.CancelOutcome.CANCELLED;
            }
            case PROCESSING -> {
                stopping.add(messageId);
                yield io.tenantchat.api.chat.application.CancelOutcome.STOPPING;
            }
            case CANCELLED -> io.tenantchat.api.chat.application.CancelOutcome.ALREADY_CANCELLED;
            case COMPLETED, FAILED -> io.tenantchat.api.chat.application.CancelOutcome.FINISHED;
        };
    }

    @Override
    public boolean requeueFailed(TenantId tenantId, SessionId sessionId, MessageId messageId, Instant at) {
        boolean[] requeued = {false};
        messages.computeIfPresent(messageId, (id, m) -> {
            if (!m.tenantId().equals(tenantId) || !m.sessionId().equals(sessionId) || m.status() != MessageStatus.FAILED) {
                return m;
            }
            requeued[0] = true;
            return new ChatMessage(m.tenantId(), m.sessionId(), m.userId(), m.messageId(), m.content(),
                    MessageStatus.QUEUED, m.attempts(), null, m.createdAt(), at);
        });
        return requeued[0];
    }

    public List<ChatMessage> all() {
        return List.copyOf(messages.values());
    }
}
