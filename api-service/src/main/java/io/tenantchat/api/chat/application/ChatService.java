package io.tenantchat.api.chat.application;

import io.tenantchat.api.chat.domain.ChatMessage;
import io.tenantchat.api.chat.domain.Exchange;
import io.tenantchat.api.chat.domain.MessageError;
import io.tenantchat.api.chat.domain.MessageRef;
import io.tenantchat.api.chat.domain.MessageStatus;
import io.tenantchat.api.error.ForbiddenException;
import io.tenantchat.api.error.InvalidRequestException;
import io.tenantchat.api.error.NotFoundException;
import io.tenantchat.api.error.UnavailableException;
import io.tenantchat.api.identity.Caller;
import io.tenantchat.api.session.application.SessionRepository;
import io.tenantchat.shared.ChatRequested;
import io.tenantchat.shared.JobHold;
import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.observability.LogContext;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Chat use cases, scoped to the caller's tenant and user. */
public final class ChatService implements SubmitChatMessageUseCase, ViewMessagesUseCase {

    private static final Logger log = LoggerFactory.getLogger(ChatService.class);

    private final SessionRepository sessions;
    private final MessageStore messages;
    private final ChatJobQueue queue;
    private final Clock clock;
    private final ChatLimits limits;
    private final ChatAdmission admission;
    private final @Nullable MessageIntake intake;

    public ChatService(SessionRepository sessions, MessageStore messages, ChatJobQueue queue, Clock clock) {
        this(sessions, messages, queue, clock, ChatLimits.defaults());
    }

    public ChatService(SessionRepository sessions, MessageStore messages, ChatJobQueue queue, Clock clock,
            ChatLimits limits) {
        this(sessions, messages, queue, clock, limits, ChatAdmission.UNLIMITED);
    }

    public ChatService(SessionRepository sessions, MessageStore messages, ChatJobQueue queue, Clock clock,
            ChatLimits limits, ChatAdmission admission) {
        this(sessions, messages, queue, clock, limits, admission, null);
    }

    /**
     * @param intake takes a message in with one write (session, quotas, message, key) before its job is sent; null
     *     checks the session, admits and stores in separate steps
     */
    public ChatService(SessionRepository sessions, MessageStore messages, ChatJobQueue queue, Clock clock,
            ChatLimits limits, ChatAdmission admission, @Nullable MessageIntake intake) {
        this.intake = intake;
        this.admission = admission;
        this.sessions = sessions;
        this.messages = messages;
        this.queue = queue;
        this.clock = clock;
        this.limits = limits;
    }

    @Override
    public MessageAccepted submit(SubmitChatMessage command) {
        Caller caller = command.caller();
        String text = validText(command.message());
        SessionId sessionId = claimedSession(caller, command.claimed());
        admission.refuseIfKnown(caller.tenantId(), text.length());
        if (intake != null) {
            return submitInOneWrite(intake, command, caller, sessionId, text);
        }
        requireOwnSession(caller, sessionId);
        Instant now = clock.instant();
        ChatMessage message = ChatMessage.queued(caller.tenantId(), sessionId, caller.userId(), MessageId.next(clock), text, now);
        try (LogContext ignored = LogContext.of(LogContext.MESSAGE_ID, message.messageId().value(),
                LogContext.SESSION_ID, sessionId.value())) {
            ChatAdmission.Admitted admitted = admission.admit(caller.tenantId(), sessionId, message.messageId(), text.length());
            Optional<MessageRef> original = store(message, command, now);
            if (original.isPresent()) {
                withdraw(message);
                log.info("repeated request: answered with message {}", original.get().messageId().value());
                return replay(caller, sessionId, original.get());
            }
            enqueue(message, now);
            log.info("message accepted and queued ({} chars)", text.length());
            return new MessageAccepted(message.messageId(), sessionId, MessageStatus.QUEUED, admitted.warning());
        }
    }

    /**
     * The hot path: one write takes the session's ownership, every quota, the message and its key (two AWS calls
     * with the job's send); reads happen only to explain a refused write (an unknown session, a limit, a used key).
     */
    private MessageAccepted submitInOneWrite(MessageIntake intake, SubmitChatMessage command, Caller caller, SessionId sessionId,
            String text) {
        Instant now = clock.instant();
        ChatMessage message = ChatMessage.queued(caller.tenantId(), sessionId, caller.userId(), MessageId.next(clock), text, now);
        try (LogContext ignored = LogContext.of(LogContext.MESSAGE_ID, message.messageId().value(),
                LogContext.SESSION_ID, sessionId.value())) {
            QuotaClaim claim = admission.claim(caller.tenantId(), sessionId, message.messageId(), text.length());
            Optional<MessageRef> original;
            try {
                original = intake.accept(message, command.idempotencyKey(),
                        command.idempotencyKey() == null ? null : now.plus(limits.idempotencyWindow()), claim);
            } catch (QuotaRefusedException e) {
                throw admission.refused(claim, e.refusal());
            }
            if (original.isPresent()) {
                log.info("repeated request: answered with message {}", original.get().messageId().value());
                return replay(caller, sessionId, original.get());
            }
            enqueue(message, now, claim);
            log.info("message accepted and queued ({} chars)", text.length());
            return new MessageAccepted(message.messageId(), sessionId, MessageStatus.QUEUED, admission.warning(claim));
        }
    }

    /** The job of a message, carrying its text, attempt and hold so the worker need not read them. */
    static ChatRequested job(ChatMessage message, Instant now, int attempt, @Nullable QuotaClaim claim) {
        JobHold hold = claim == null ? new JobHold(false, null, null, QuotaClaim.LIVE)
                : new JobHold(true, claim.tokens(), YearMonth.from(claim.at().atOffset(ZoneOffset.UTC)).toString(),
                        claim.counterKey());
        return new ChatRequested(message.messageId(), message.tenantId(), message.userId(), message.sessionId(), now)
                .carrying(message.content(), attempt, hold);
    }

    /** Stores the message; a failure gives back what its admission took, so a refused request changes nothing. */
    private Optional<MessageRef> store(ChatMessage message, SubmitChatMessage command, Instant now) {
        try {
            if (command.idempotencyKey() != null) {
                return messages.saveQueued(message, command.idempotencyKey(), now.plus(limits.idempotencyWindow()));
            }
            messages.saveQueued(message);
            return Optional.empty();
        } catch (RuntimeException e) {
            withdraw(message);
            throw e;
        }
    }

    private void withdraw(ChatMessage message) {
        admission.withdraw(message.tenantId(), message.sessionId(), message.messageId());
    }

    /** The answer to a repeated request: the original message and where it is now; no second job. */
    private MessageAccepted replay(Caller caller, SessionId sessionId, MessageRef original) {
        if (!original.userId().equals(caller.userId()) || !original.sessionId().equals(sessionId)) {
            throw new InvalidRequestException("idempotency_key_reused",
                    "this Idempotency-Key was already used for another request");
        }
        MessageStatus status = messages.findExchange(caller.tenantId(), sessionId, original.messageId())
                .map(exchange -> exchange.message().status())
                .orElse(MessageStatus.QUEUED);
        return new MessageAccepted(original.messageId(), sessionId, status);
    }

    @Override
    public Exchange message(Caller caller, MessageId messageId) {
        return messages.findRef(caller.tenantId(), messageId)
                .filter(ref -> ref.userId().equals(caller.userId()))
                .flatMap(ref -> messages.findExchange(caller.tenantId(), ref.sessionId(), messageId))
                .orElseThrow(() -> new NotFoundException("message_not_found", "no such message"));
    }

    @Override
    public List<Exchange> conversation(Caller caller, SessionId sessionId) {
        requireOwnSession(caller, sessionId);
        return messages.conversation(caller.tenantId(), sessionId);
    }

    @Override
    public ConversationPage conversation(Caller caller, SessionId sessionId, @Nullable MessageId afterOrNull,
            int limit) {
        if (limit < 1 || limit > ConversationPage.MAX_LIMIT) {
            throw new InvalidRequestException("invalid_limit",
                    "limit must be between 1 and " + ConversationPage.MAX_LIMIT);
        }
        requireOwnSession(caller, sessionId);
        return messages.conversationPage(caller.tenantId(), sessionId, afterOrNull, limit);
    }

    private void enqueue(ChatMessage message, Instant now) {
        send(message, new ChatRequested(message.messageId(), message.tenantId(), message.userId(),
                message.sessionId(), now));
    }

    private void enqueue(ChatMessage message, Instant now, @Nullable QuotaClaim claim) {
        send(message, job(message, now, 1, claim));
    }

    private void send(ChatMessage message, ChatRequested job) {
        try {
            queue.enqueue(job);
        } catch (UnavailableException e) {
            messages.markFailed(message.tenantId(), message.sessionId(), message.messageId(),
                    new MessageError("enqueue_failed", "the message could not be queued; please send it again"),
                    clock.instant());
            withdraw(message);
            throw e;
        }
    }

    private void requireOwnSession(Caller caller, SessionId sessionId) {
        if (sessions.find(caller.tenantId(), caller.userId(), sessionId).isEmpty()) {
            throw new NotFoundException("session_not_found", "no such session");
        }
    }

    private String validText(String message) {
        if (message == null || message.isBlank()) {
            throw new InvalidRequestException("message_required", "message must not be empty");
        }
        if (message.length() > limits.maxMessageChars()) {
            throw new MessageTooLargeException(limits.maxMessageChars());
        }
        return message;
    }

    private static SessionId claimedSession(Caller caller, @Nullable TenantContext claimed) {
        if (claimed == null || claimed.sessionId() == null) {
            throw new InvalidRequestException("session_required", "tenant_context.session_id is required");
        }
        if (claimed.tenantId() != null && !claimed.tenantId().equals(caller.tenantId().value())) {
            throw new ForbiddenException("tenant_mismatch", "tenant_context.tenant_id does not match the token");
        }
        if (claimed.userId() != null && !claimed.userId().equals(caller.userId().value())) {
            throw new ForbiddenException("user_mismatch", "tenant_context.user_id does not match the token");
        }
        if (!SessionId.isValid(claimed.sessionId())) {
            throw new InvalidRequestException("invalid_session_id", "tenant_context.session_id is not a session id");
        }
        return SessionId.of(claimed.sessionId());
    }
}
