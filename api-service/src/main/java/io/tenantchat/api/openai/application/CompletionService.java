package io.tenantchat.api.openai.application;

import io.tenantchat.api.chat.application.MessageAccepted;
import io.tenantchat.api.chat.application.SubmitChatMessage;
import io.tenantchat.api.chat.application.SubmitChatMessageUseCase;
import io.tenantchat.api.chat.application.TenantContext;
import io.tenantchat.api.chat.domain.IdempotencyKey;
import io.tenantchat.api.error.NotFoundException;
import io.tenantchat.api.identity.Caller;
import io.tenantchat.api.session.application.SessionRepository;
import io.tenantchat.api.session.domain.ChatSession;
import io.tenantchat.shared.GivenConversation;
import io.tenantchat.shared.SessionId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A completion is a session of kind {@code api} with one message, submitted like any chat message, so quotas, the
 * hold, the job, the worker, metering and replay are those of the chat pipeline. With an {@code Idempotency-Key} the
 * session id is derived from the tenant, user and key, so a repeat finds the same session and the chat pipeline
 * answers it with the original message (no second job). A refused request leaves no empty session behind.
 */
public final class CompletionService implements StartCompletionUseCase {

    private final TenantModels models;
    private final SessionRepository sessions;
    private final SubmitChatMessageUseCase submit;
    private final Clock clock;

    public CompletionService(TenantModels models, SessionRepository sessions, SubmitChatMessageUseCase submit,
            Clock clock) {
        this.models = models;
        this.sessions = sessions;
        this.submit = submit;
        this.clock = clock;
    }

    @Override
    public StartedCompletion start(Caller caller, GivenConversation conversation, @Nullable IdempotencyKey key) {
        if (!models.allowedFor(caller.tenantId()).contains(conversation.model())) {
            throw new NotFoundException("model_not_found",
                    "The model '" + conversation.model() + "' does not exist or you do not have access to it.");
        }
        SessionId sessionId = key == null ? SessionId.random() : sessionFor(caller, key);
        boolean created = sessions.createUncounted(ChatSession.startApi(caller.tenantId(), caller.userId(), sessionId,
                clock.instant()));
        try {
            MessageAccepted accepted = submit.submit(new SubmitChatMessage(caller, conversation.lastUserText(),
                    new TenantContext(null, null, sessionId.value()), key, null, conversation));
            return new StartedCompletion(accepted.sessionId(), accepted.messageId(), accepted.quotaWarning());
        } catch (RuntimeException refused) {
            if (created) {
                sessions.delete(caller.tenantId(), caller.userId(), sessionId);
            }
            throw refused;
        }
    }

    @Override
    public List<String> models(Caller caller) {
        return models.allowedFor(caller.tenantId());
    }

    /** The same key of the same caller names the same session (a name-based UUID, never a random one's). */
    static SessionId sessionFor(Caller caller, IdempotencyKey key) {
        String name = "api#" + caller.tenantId().value() + "#" + caller.userId().value() + "#" + key.value();
        return SessionId.of(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString());
    }
}
