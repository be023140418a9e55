package io.tenantchat.api.chat.application;

import io.tenantchat.api.chat.domain.ChatMessage;
import io.tenantchat.api.chat.domain.ConversationTree;
import io.tenantchat.api.chat.domain.Exchange;
import io.tenantchat.api.chat.domain.IdempotencyKey;
import io.tenantchat.api.chat.domain.MessageError;
import io.tenantchat.api.chat.domain.MessageRef;
import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Stores messages. Every method takes the tenant first; every key begins with it. */
public interface MessageStore {

    /**
     * Stores a queued user message and counts it on its session, all or nothing.
     *
     * @throws io.tenantchat.api.error.NotFoundException if the session no longer exists
     */
    void saveQueued(ChatMessage message);

    /**
     * As {@link #saveQueued(ChatMessage)}, and records {@code key} for the message's tenant until
     * {@code expiresAt}, in the same transaction.
     *
     * @return the message the key already stands for (nothing was written then); empty when stored
     */
    Optional<MessageRef> saveQueued(ChatMessage message, IdempotencyKey key, Instant expiresAt);

    Optional<MessageRef> findRef(TenantId tenantId, MessageId messageId);

    Optional<Exchange> findExchange(TenantId tenantId, SessionId sessionId, MessageId messageId);

    /** The whole conversation in order. */
    List<Exchange> conversation(TenantId tenantId, SessionId sessionId);

    /** Up to {@code limit} exchanges after message {@code afterOrNull} (from the start when null), in order. */
    ConversationPage conversationPage(TenantId tenantId, SessionId sessionId, @Nullable MessageId afterOrNull,
            int limit);

    /**
     * Puts a failed message back to queued, keeping its attempt count but outside the next attempt budget, and
     * clears its error; only from failed, so of two concurrent requeues one wins.
     *
     * @return whether the message was failed and is now queued
     */
    boolean requeueFailed(TenantId tenantId, SessionId sessionId, MessageId messageId, Instant at);

    /**
     * Its author asks to stop the message: a queued one becomes {@code cancelled} at once (no worker will answer it);
     * a processing one keeps its status and gets the stop request, which the worker holding it turns into
     * {@code cancelled} with the text generated so far. Conditional writes only: a message that finished meanwhile is
     * left as it is.
     */
    CancelOutcome cancel(TenantId tenantId, SessionId sessionId, MessageId messageId, Instant at);

    /**
     * The branches of the user's session (one consistent read of the session item); empty when the tenant and user
     * hold no such session.
     */
    Optional<SessionBranches> branches(TenantId tenantId, UserId userId, SessionId sessionId);

    /**
     * Switches the session's active path to {@code activation} (its chosen children and last turn), on condition its
     * branches are still as {@code read}.
     *
     * @throws BranchesMovedException when they are not (nothing was written)
     * @throws io.tenantchat.api.error.NotFoundException when the session is not the user's
     */
    void switchBranch(TenantId tenantId, UserId userId, SessionId sessionId, SessionBranches read,
            ConversationTree.Activation activation);

    /** Marks a still-queued message failed (e.g. its job could not be queued). */
    void markFailed(TenantId tenantId, SessionId sessionId, MessageId messageId, MessageError error, Instant at);
}
