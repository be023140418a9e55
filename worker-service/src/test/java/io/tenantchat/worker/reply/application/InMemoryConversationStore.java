package io.tenantchat.worker.reply.application;

import io.tenantchat.shared.JobHold;
import io.tenantchat.worker.reply.domain.HistoryBudget;
import io.tenantchat.worker.reply.domain.MessageRef;
import io.tenantchat.worker.reply.domain.MessageStatus;
import io.tenantchat.worker.reply.domain.ModelReply;
import io.tenantchat.worker.reply.domain.ReplyFailure;
import io.tenantchat.worker.reply.domain.Role;
import io.tenantchat.worker.reply.domain.StoredMessage;
import io.tenantchat.worker.reply.domain.UserMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A {@link ConversationStore} in memory, with the same conditions as the DynamoDB one; one session only. */
final class InMemoryConversationStore implements ConversationStore {

    private final Map<MessageRef, UserMessage> messages = new HashMap<>();
    private final List<StoredMessage> history = new ArrayList<>();
    final Map<MessageRef, ModelReply> replies = new HashMap<>();
    final Map<MessageRef, ReplyFailure> failures = new HashMap<>();
    final List<MessageRef> quotaReleases = new ArrayList<>();
    /** The holds the service passed with each completion, failure or release (null: none carried by the job). */
    final List<JobHold> holdsUsed = new ArrayList<>();
    /** The next claim finds the message erased with its session (deleted between reading and claiming it). */
    boolean eraseOnNextClaim;
    /** Messages whose author asked to stop them (api-service's {@code cancel_requested_at}). */
    final java.util.Set<MessageRef> cancelRequests = new java.util.HashSet<>();
    /** Replies stored as cancelled. */
    final Map<MessageRef, ModelReply> cancelledReplies = new HashMap<>();
    /** Holds given back whole by {@link #cancel} (in-flight slot and reservation). */
    final List<MessageRef> cancelReleases = new ArrayList<>();
    int sessionMessageCount;
    /** Counted down by every history read. */
    final CountDownLatch historyRead = new CountDownLatch(1);
    /** When set, a claim waits (at most 5 s) for the history read to begin; records whether it had. */
    boolean claimAwaitsHistoryRead;
    final List<Boolean> claimsThatSawTheHistoryRead = new ArrayList<>();
    /** History reads made. */
    final AtomicInteger historyReads = new AtomicInteger();

    UserMessage save(UserMessage message) {
        messages.put(message.ref(), message);
        return message;
    }

    void addExchange(String userText, String replyText) {
        UserMessage message = UserMessageTestData.aUserMessage().withContent(userText).build();
        history.add(new StoredMessage(message.ref().messageId(), Role.USER, userText));
        history.add(new StoredMessage(message.ref().messageId(), Role.ASSISTANT, replyText));
    }

    void addUnanswered(String userText) {
        UserMessage message = UserMessageTestData.aUserMessage().withContent(userText).build();
        history.add(new StoredMessage(message.ref().messageId(), Role.USER, userText));
    }

    MessageStatus statusOf(MessageRef ref) {
        return messages.get(ref).status();
    }

    /** Reads of a user message by {@link #findUserMessage} (the service never needs one). */
    int reads;

    @Override
    public Optional<UserMessage> findUserMessage(MessageRef ref) {
        reads++;
        return Optional.ofNullable(messages.get(ref));
    }

    @Override
    public Claim claim(MessageRef ref, Instant now) {
        if (claimAwaitsHistoryRead) {
            try {
                claimsThatSawTheHistoryRead.add(historyRead.await(5, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        if (eraseOnNextClaim) {
            eraseOnNextClaim = false;
            erase(ref);
        }
        UserMessage current = messages.get(ref);
        if (current == null) {
            return Claim.missing();
        }
        if (current.status().isFinal()) {
            return Claim.refused(current.status());
        }
        if (cancelRequests.contains(ref)) {
            return Claim.cancelRequested(current.status());
        }
        return Claim.started(save(with(current, MessageStatus.PROCESSING, current.attempts() + 1)));
    }

    @Override
    public List<StoredMessage> historyBefore(MessageRef ref, HistoryBudget budget) {
        historyReads.incrementAndGet();
        historyRead.countDown();
        return List.copyOf(history);
    }

    @Override
    public boolean completeWithReply(UserMessage message, ModelReply reply, Instant now, JobHold hold) {
        holdsUsed.add(hold);
        if (cancelRequests.contains(message.ref()) || replies.containsKey(message.ref())) {
            return false;
        }
        replies.put(message.ref(), reply);
        save(with(messages.get(message.ref()), MessageStatus.COMPLETED, message.attempts()));
        sessionMessageCount++;
        return true;
    }

    @Override
    public boolean markFailed(MessageRef ref, ReplyFailure failure, Instant now, JobHold hold) {
        holdsUsed.add(hold);
        UserMessage current = messages.get(ref);
        if (current.status() != MessageStatus.PROCESSING || cancelRequests.contains(ref)) {
            return false;
        }
        failures.put(ref, failure);
        save(with(current, MessageStatus.FAILED, current.attempts()));
        return true;
    }

    @Override
    public boolean completeCancelled(UserMessage message, ModelReply partial, Instant now, JobHold hold) {
        holdsUsed.add(hold);
        UserMessage current = messages.get(message.ref());
        if (current.status() != MessageStatus.PROCESSING || !cancelRequests.contains(message.ref())
                || cancelledReplies.containsKey(message.ref())) {
            return false;
        }
        cancelledReplies.put(message.ref(), partial);
        save(with(current, MessageStatus.CANCELLED, current.attempts()));
        sessionMessageCount++;
        return true;
    }

    @Override
    public boolean cancel(MessageRef ref, Instant now, JobHold hold) {
        holdsUsed.add(hold);
        UserMessage current = messages.get(ref);
        if (current.status().isFinal() || !cancelRequests.contains(ref)) {
            return false;
        }
        save(with(current, MessageStatus.CANCELLED, current.attempts()));
        cancelReleases.add(ref);
        return true;
    }

    @Override
    public boolean isCancelRequested(MessageRef ref) {
        return cancelRequests.contains(ref);
    }

    @Override
    public void releaseQuota(MessageRef ref, JobHold hold) {
        holdsUsed.add(hold);
        quotaReleases.add(ref);
    }

    void erase(MessageRef ref) {
        messages.remove(ref);
    }

    private static UserMessage with(UserMessage message, MessageStatus status, int attempts) {
        return new UserMessage(message.ref(), message.userId(), message.content(), status, attempts);
    }
}
