package io.tenantchat.api.chat.application;

import io.tenantchat.api.chat.domain.MessageError;
import io.tenantchat.api.chat.domain.MessageRef;
import io.tenantchat.api.chat.domain.MessageStatus;
import io.tenantchat.api.error.ConflictException;
import io.tenantchat.api.error.NotFoundException;
import io.tenantchat.api.error.UnavailableException;
import io.tenantchat.api.identity.Caller;
import io.tenantchat.shared.ChatRequested;
import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.observability.LogContext;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A user's retry: the message goes from failed back to queued (a conditional write, so two retries requeue it
 * once), then a job with a fresh deduplication id goes on the queue. The worker gives it a fresh attempt budget.
 */
public final class RetryChatMessageService implements RetryChatMessageUseCase {

    private static final Logger log = LoggerFactory.getLogger(RetryChatMessageService.class);

    private final MessageStore messages;
    private final ChatJobQueue queue;
    private final Clock clock;

    public RetryChatMessageService(MessageStore messages, ChatJobQueue queue, Clock clock) {
        this.messages = messages;
        this.queue = queue;
        this.clock = clock;
    }

    @Override
    public MessageAccepted retry(Caller caller, MessageId messageId) {
        MessageRef ref = messages.findRef(caller.tenantId(), messageId)
                .filter(found -> found.userId().equals(caller.userId()))
                .orElseThrow(() -> new NotFoundException("message_not_found", "no such message"));
        Instant now = clock.instant();
        if (!messages.requeueFailed(ref.tenantId(), ref.sessionId(), messageId, now)) {
            throw new ConflictException("message_not_failed", "only a failed message can be retried");
        }
        ChatRequested job = new ChatRequested(messageId, ref.tenantId(), ref.userId(), ref.sessionId(), now);
        try (LogContext ignored = LogContext.of(LogContext.MESSAGE_ID, messageId.value(),
                LogContext.SESSION_ID, ref.sessionId().value())) {
            queue.requeue(job, job.requeueDeduplicationId(now));
            log.info("failed message requeued by its user");
        } catch (UnavailableException e) {
            messages.markFailed(ref.tenantId(), ref.sessionId(), messageId,
                    new MessageError("enqueue_failed", "the message could not be queued; please retry it again"),
                    clock.instant());
            throw e;
        }
        return new MessageAccepted(messageId, ref.sessionId(), MessageStatus.QUEUED);
    }
}
