package io.tenantchat.api.chat.application;

import io.tenantchat.api.chat.domain.ChatMessage;
import io.tenantchat.api.chat.domain.ConversationTree;
import io.tenantchat.api.chat.domain.IdempotencyKey;
import io.tenantchat.api.chat.domain.Exchange;
import io.tenantchat.api.chat.domain.MessageError;
import io.tenantchat.api.chat.domain.MessageRef;
import io.tenantchat.api.chat.domain.MessageStatus;
import io.tenantchat.api.chat.domain.TurnParent;
import io.tenantchat.api.error.ConflictException;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Chat use cases, scoped to the caller's tenant and user. */
public final class ChatService implements SubmitChatMessageUseCase, ViewMessagesUseCase, BranchConversationUseCase {

    /** How often a turn is placed again when its session's branches moved meanwhile. */
    private static final int PLACEMENTS = 5;

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
        admission.refuseIfKnown(caller.tenantId(), command.chars());
        if (command.parent() != null) {
            MessageId parent = command.parent();
            MessageRef parentRef = ownRef(caller, parent)
                    .filter(ref -> ref.sessionId().equals(sessionId))
                    .orElseThrow(() -> new NotFoundException("parent_not_found",
                            "parent_message_id names no message of this session"));
            return branch(caller, parentRef.sessionId(), text, command.idempotencyKey(), tree -> parent, null);
        }
        if (intake != null) {
            return submitInOneWrite(intake, command, caller, sessionId, text);
        }
        requireOwnSession(caller, sessionId);
        Instant now = clock.instant();
        ChatMessage message = newMessage(command, sessionId, text, now);
        try (LogContext ignored = LogContext.of(LogContext.MESSAGE_ID, message.messageId().value(),
                LogContext.SESSION_ID, sessionId.value())) {
            ChatAdmission.Admitted admitted = admission.admit(caller.tenantId(), sessionId, message.messageId(),
                    command.chars());
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
        ChatMessage message = newMessage(command, sessionId, text, now);
        try (LogContext ignored = LogContext.of(LogContext.MESSAGE_ID, message.messageId().value(),
                LogContext.SESSION_ID, sessionId.value())) {
            QuotaClaim claim = admission.claim(caller.tenantId(), sessionId, message.messageId(), command.chars());
            Optional<MessageRef> original = Optional.empty();
            TurnPlacement placement = TurnPlacement.LINEAR;
            for (int placed = 1; ; placed++) {
                try {
                    original = intake.accept(message, command.idempotencyKey(),
                            command.idempotencyKey() == null ? null : now.plus(limits.idempotencyWindow()), claim,
                            placement);
                    break;
                } catch (QuotaRefusedException e) {
                    throw admission.refused(claim, e.refusal());
                } catch (BranchesMovedException e) {
                    if (placed >= PLACEMENTS) {
                        throw conversationChanged();
                    }
                    // the session branched (or its last turn moved): after its active path's last turn
                    SessionBranches branches = messages.branches(caller.tenantId(), caller.userId(), sessionId)
                            .orElseThrow(ChatService::sessionNotFound);
                    MessageId leaf = branches.activeLeafOrNull();
                    placement = leaf == null ? TurnPlacement.LINEAR : new TurnPlacement.AfterLeaf(leaf);
                    message = message.placedUnder(leaf == null ? TurnParent.IMPLICIT : TurnParent.of(leaf), null);
                }
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

    private ChatMessage newMessage(SubmitChatMessage command, SessionId sessionId, String text, Instant now) {
        Caller caller = command.caller();
        ChatMessage message = ChatMessage.queued(caller.tenantId(), sessionId, caller.userId(), MessageId.next(clock),
                text, now);
        return command.given() == null ? message : message.answering(command.given());
    }

    /**
     * The job of a message, carrying its text, attempt and hold so the worker need not read them, and the given
     * conversation of an OpenAI-compatible request.
     */
    static ChatRequested job(ChatMessage message, Instant now, int attempt, @Nullable QuotaClaim claim) {
        JobHold hold = claim == null ? new JobHold(false, null, null, QuotaClaim.LIVE)
                : new JobHold(true, claim.tokens(), YearMonth.from(claim.at().atOffset(ZoneOffset.UTC)).toString(),
                        claim.counterKey());
        return new ChatRequested(message.messageId(), message.tenantId(), message.userId(), message.sessionId(), now)
                .carrying(message.content(), attempt, hold).answering(message.given());
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
    public MessageAccepted regenerate(Caller caller, MessageId original, @Nullable IdempotencyKey key) {
        MessageRef ref = ownRef(caller, original).orElseThrow(ChatService::messageNotFound);
        Exchange asked = messages.findExchange(caller.tenantId(), ref.sessionId(), original)
                .orElseThrow(ChatService::messageNotFound);
        if (!asked.message().status().isTerminal()) {
            throw new ConflictException("message_not_finished",
                    "the reply is still being generated; stop it or wait for it before regenerating");
        }
        admission.refuseIfKnown(caller.tenantId(), asked.message().content().length());
        return branch(caller, ref.sessionId(), asked.message().content(), key,
                tree -> tree.parentOf(original).orElse(null), original);
    }

    @Override
    public MessageAccepted edit(Caller caller, MessageId sibling, String text, @Nullable IdempotencyKey key) {
        String valid = validText(text);
        MessageRef ref = ownRef(caller, sibling).orElseThrow(ChatService::messageNotFound);
        admission.refuseIfKnown(caller.tenantId(), valid.length());
        return branch(caller, ref.sessionId(), valid, key, tree -> tree.parentOf(sibling).orElse(null), null);
    }

    /**
     * A new turn under the parent {@code parentIn} picks from the conversation's tree, made active, admitted,
     * stored and queued as {@link #submit} does: one write (turn, session branches, quotas, key) then the job. The
     * session's branches and turns are read first (one GetItem, one Query); when they moved before the write, it is
     * placed again.
     */
    private MessageAccepted branch(Caller caller, SessionId sessionId, String text, @Nullable IdempotencyKey key,
            Function<ConversationTree, @Nullable MessageId> parentIn, @Nullable MessageId regenerated) {
        if (intake == null) {
            throw new UnavailableException("branches_unavailable", "this deployment cannot branch conversations");
        }
        Instant now = clock.instant();
        ChatMessage queued = ChatMessage.queued(caller.tenantId(), sessionId, caller.userId(), MessageId.next(clock),
                text, now);
        try (LogContext ignored = LogContext.of(LogContext.MESSAGE_ID, queued.messageId().value(),
                LogContext.SESSION_ID, sessionId.value())) {
            QuotaClaim claim = admission.claim(caller.tenantId(), sessionId, queued.messageId(), text.length());
            for (int placed = 1; ; placed++) {
                SessionBranches read = messages.branches(caller.tenantId(), caller.userId(), sessionId)
                        .orElseThrow(ChatService::sessionNotFound);
                List<Exchange> turns = messages.conversation(caller.tenantId(), sessionId);
                ConversationTree tree = ConversationTree.of(turns.stream().map(Exchange::message).toList(),
                        read.choices());
                MessageId parent = parentIn.apply(tree);
                requireFinished(turns, parent);
                ChatMessage message = queued.placedUnder(TurnParent.ofNullable(parent), regenerated);
                ConversationTree.Activation activation = tree.with(message.messageId(), parent)
                        .activate(message.messageId());
                Optional<MessageRef> original;
                try {
                    original = intake.accept(message, key,
                            key == null ? null : now.plus(limits.idempotencyWindow()), claim,
                            new TurnPlacement.Branch(activation.choices(), read.version()));
                } catch (QuotaRefusedException e) {
                    throw admission.refused(claim, e.refusal());
                } catch (BranchesMovedException e) {
                    if (placed >= PLACEMENTS) {
                        throw conversationChanged();
                    }
                    continue;
                }
                if (original.isPresent()) {
                    log.info("repeated request: answered with message {}", original.get().messageId().value());
                    return replay(caller, sessionId, original.get());
                }
                enqueue(message, now, claim);
                log.info("{} accepted and queued ({} chars)", regenerated == null ? "branch" : "regeneration",
                        text.length());
                return new MessageAccepted(message.messageId(), sessionId, MessageStatus.QUEUED,
                        admission.warning(claim));
            }
        }
    }

    @Override
    public ConversationPage activate(Caller caller, SessionId sessionId, MessageId turn) {
        for (int placed = 1; ; placed++) {
            SessionBranches read = messages.branches(caller.tenantId(), caller.userId(), sessionId)
                    .orElseThrow(ChatService::sessionNotFound);
            List<Exchange> turns = messages.conversation(caller.tenantId(), sessionId);
            ConversationTree tree = ConversationTree.of(turns.stream().map(Exchange::message).toList(),
                    read.choices());
            if (!tree.contains(turn)) {
                throw messageNotFound();
            }
            ConversationTree.Activation activation = tree.activate(turn);
            boolean unchanged = activation.choices().equals(read.choices())
                    && (read.branched() ? activation.leaf().equals(read.activeLeafOrNull())
                            : activation.choices().isEmpty());
            if (!unchanged) {
                try {
                    messages.switchBranch(caller.tenantId(), caller.userId(), sessionId, read, activation);
                } catch (BranchesMovedException e) {
                    if (placed >= PLACEMENTS) {
                        throw conversationChanged();
                    }
                    continue;
                }
                log.info("active branch of session {} switched to message {}", sessionId.value(), turn.value());
            }
            ConversationTree active = ConversationTree.of(turns.stream().map(Exchange::message).toList(),
                    activation.choices());
            return pathPage(active, turns, null, ConversationPage.DEFAULT_LIMIT);
        }
    }

    /** Up to {@code limit} turns of the tree's active path after {@code afterOrNull}, with their branches. */
    private static ConversationPage pathPage(ConversationTree tree, List<Exchange> turns, @Nullable MessageId afterOrNull,
            int limit) {
        Map<MessageId, Exchange> byId = new HashMap<>();
        turns.forEach(exchange -> byId.put(exchange.message().messageId(), exchange));
        List<MessageId> path = tree.activePath();
        int from = afterOrNull == null ? 0 : path.indexOf(afterOrNull) + 1;
        if (afterOrNull != null && from == 0) {
            from = (int) path.stream().filter(id -> id.value().compareTo(afterOrNull.value()) <= 0).count();
        }
        List<MessageId> page = path.subList(from, Math.min(path.size(), from + limit));
        Map<MessageId, ConversationPage.TurnBranches> branches = new HashMap<>();
        page.forEach(id -> branches.put(id, new ConversationPage.TurnBranches(tree.parentOf(id).orElse(null),
                tree.siblingsOf(id))));
        MessageId next = from + limit < path.size() ? page.get(page.size() - 1) : null;
        return new ConversationPage(page.stream().map(byId::get).toList(), next, branches);
    }

    private void requireFinished(List<Exchange> turns, @Nullable MessageId parent) {
        if (parent == null) {
            return;
        }
        boolean finished = turns.stream().filter(e -> e.message().messageId().equals(parent)).findFirst()
                .map(e -> e.message().status().isTerminal()).orElseThrow(() -> new NotFoundException(
                        "parent_not_found", "parent_message_id names no message of this session"));
        if (!finished) {
            throw new ConflictException("parent_not_finished",
                    "the message to follow is still being answered; wait for its reply or stop it");
        }
    }

    private Optional<MessageRef> ownRef(Caller caller, MessageId messageId) {
        return messages.findRef(caller.tenantId(), messageId).filter(ref -> ref.userId().equals(caller.userId()));
    }

    private static NotFoundException messageNotFound() {
        return new NotFoundException("message_not_found", "no such message");
    }

    private static NotFoundException sessionNotFound() {
        return new NotFoundException("session_not_found", "no such session");
    }

    private static ConflictException conversationChanged() {
        return new ConflictException("conversation_changed",
                "the conversation changed while this request placed its message; please retry");
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
        SessionBranches branches = messages.branches(caller.tenantId(), caller.userId(), sessionId)
                .orElseThrow(ChatService::sessionNotFound);
        if (!branches.branched()) {
            return messages.conversationPage(caller.tenantId(), sessionId, afterOrNull, limit).linear(afterOrNull);
        }
        List<Exchange> turns = messages.conversation(caller.tenantId(), sessionId);
        return pathPage(ConversationTree.of(turns.stream().map(Exchange::message).toList(), branches.choices()),
                turns, afterOrNull, limit);
    }

    private void enqueue(ChatMessage message, Instant now) {
        send(message, new ChatRequested(message.messageId(), message.tenantId(), message.userId(),
                message.sessionId(), now).answering(message.given()));
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
