package io.tenantchat.worker.reply.application;

import io.tenantchat.shared.JobHold;
import io.tenantchat.worker.reply.domain.HistoryBudget;
import io.tenantchat.worker.reply.domain.MessageRef;
import io.tenantchat.worker.reply.domain.ModelReply;
import io.tenantchat.worker.reply.domain.ReplyFailure;
import io.tenantchat.worker.reply.domain.StoredMessage;
import io.tenantchat.worker.reply.domain.UserMessage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Out-port: the stored conversation (user messages, replies, session counters). All reads are consistent. */
public interface ConversationStore {

    Optional<UserMessage> findUserMessage(MessageRef ref);

    /**
     * Moves a queued or processing message to processing and counts the attempt, in one conditional write that
     * also tells why it could not (the message's status, or no message at all): no read before it.
     */
    Claim claim(MessageRef ref, Instant now);

    /**
     * The latest messages of the conversation that precede {@code ref}, in conversation order: read newest first
     * with a page limit and only until {@code budget} (turns and characters) is spent, never the whole partition.
     */
    List<StoredMessage> historyBefore(MessageRef ref, HistoryBudget budget);

    /**
     * Atomically stores the reply, completes the user message and counts the reply on the session.
     *
     * @return false when the reply already existed (a racing duplicate), the message is no longer processing, its
     *     author asked to stop it, or its session is gone; nothing was written then but the release of the message's
     *     in-flight slot
     */
    default boolean completeWithReply(UserMessage message, ModelReply reply, Instant now) {
        return completeWithReply(message, reply, now, null);
    }

    /**
     * As {@link #completeWithReply(UserMessage, ModelReply, Instant)}, giving back the in-flight slot of
     * {@code hold} (what the job says its quota hold holds) without reading the hold first; null: read it.
     */
    boolean completeWithReply(UserMessage message, ModelReply reply, Instant now, @Nullable JobHold hold);

    /**
     * Stores what the model generated for a message whose author stopped it: the (partial) reply, the message
     * {@code cancelled}, the reply counted on the session and the in-flight slot given back, in one write; the usage
     * was metered, so the token reservation is left to usage-aggregator. Only while the message is processing with a
     * cancel request on it.
     *
     * @return whether this call stored it (false: another delivery ended the message first, or its session is gone)
     */
    boolean completeCancelled(UserMessage message, ModelReply partial, Instant now, @Nullable JobHold hold);

    /**
     * Ends a message whose author stopped it before any model call of this job (or after a failed one, which is not
     * metered): {@code cancelled}, with its in-flight slot and token reservation given back, in one write.
     *
     * @return whether this call ended it
     */
    boolean cancel(MessageRef ref, Instant now, @Nullable JobHold hold);

    /** Whether the message's author asked to stop it (a consistent read; only after a refused completion). */
    boolean isCancelRequested(MessageRef ref);

    /**
     * Marks a processing message failed; a message that is no longer processing is left as it is.
     *
     * @return whether this call marked it failed
     */
    default boolean markFailed(MessageRef ref, ReplyFailure failure, Instant now) {
        return markFailed(ref, failure, now, null);
    }

    /** As {@link #markFailed(MessageRef, ReplyFailure, Instant)}, giving back {@code hold} (null: read it). */
    boolean markFailed(MessageRef ref, ReplyFailure failure, Instant now, @Nullable JobHold hold);

    /**
     * Gives back what api-service's quota hold of the message still holds (its in-flight slot and token
     * reservation), once: for a message that ended with nobody else to release it (gone with its session).
     */
    default void releaseQuota(MessageRef ref) {
        releaseQuota(ref, null);
    }

    /** As {@link #releaseQuota(MessageRef)}, starting from {@code hold} (null: read it). */
    void releaseQuota(MessageRef ref, @Nullable JobHold hold);
}
