package io.tenantchat.worker.reply.application;

import io.tenantchat.worker.reply.domain.MessageRef;
import io.tenantchat.worker.reply.domain.ModelReply;
import io.tenantchat.worker.reply.domain.ReplyFailure;
import io.tenantchat.worker.reply.domain.StoredMessage;
import io.tenantchat.worker.reply.domain.UserMessage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Out-port: the stored conversation (user messages, replies, session counters). All reads are consistent. */
public interface ConversationStore {

    Optional<UserMessage> findUserMessage(MessageRef ref);

    /**
     * Moves a queued or processing message to processing and counts the attempt.
     *
     * @return the message after the update; empty when it is no longer queued or processing
     */
    Optional<UserMessage> startAttempt(MessageRef ref, Instant now);

    /** Messages of the conversation that precede {@code ref}, in conversation order. */
    List<StoredMessage> historyBefore(MessageRef ref);

    /**
     * Atomically stores the reply, completes the user message and counts the reply on the session.
     *
     * @return false when the reply already existed (a racing duplicate), the message is no longer processing or its
     *     session is gone; nothing was written then but the release of the message's in-flight slot
     */
    boolean completeWithReply(UserMessage message, ModelReply reply, Instant now);

    /**
     * Marks a processing message failed; a message that is no longer processing is left as it is.
     *
     * @return whether this call marked it failed
     */
    boolean markFailed(MessageRef ref, ReplyFailure failure, Instant now);

    /**
     * Gives back what api-service's quota hold of the message still holds (its in-flight slot and token
     * reservation), once: for a message that ended with nobody else to release it (gone with its session).
     */
    void releaseQuota(MessageRef ref);
}
