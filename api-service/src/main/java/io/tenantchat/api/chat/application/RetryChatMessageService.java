package io.tenantchat.api.chat.application;

import io.tenantchat.api.chat.domain.ChatMessage;
import io.tenantchat.api.chat.domain.Exchange;
import io.tenantchat.api.chat.domain.MessageError;
import io.tenantchat.api.chat.domain.MessageRef;
import io.tenantchat.api.chat.domain.MessageStatus;
import io.tenantchat.api.error.ConflictException;
import io.tenantchat.api.error.NotFoundException;
import io.tenantchat.api.error.UnavailableException;
import io.tenantchat.api.identity.Caller;
import io.tenantchat.shared.ChatRequested;
import io.tenantchat.shared.MessageId;
import io.tenantchat.observability.LogContext;
import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A user's retry: admitted like a new message (rate, day, month, tokens, in flight: a refused retry changes
 * nothing), the message goes from failed back to queued (a conditional write, so two retries requeue it once),
 * then a job with a fresh deduplication id goes on the queue. The worker gives it a fresh attempt budget.
 */
public final class RetryChatMessageService implements RetryChatMessageUseCase {

    private static final Logger log = LoggerFactory.getLogger(RetryChatMessageService.class);

    private final MessageStore messages;
    private final ChatJobQueue queue;
    private final Clock clock;
    private final ChatAdmission admission;
    private final @Nullable MessageIntake intake;

    public RetryChatMessageService(MessageStore messages, ChatJobQueue queue, Clock clock) {
        this(messages, queue, clock, ChatAdmission.UNLIMITED);
    }

    public RetryChatMessageService(MessageStore messages, ChatJobQueue queue, Clock clock, ChatAdmission admission) {
        this(messages, queue, clock, admission, null);
    }

    /** @param intake requeues and retakes the hold in one write; null admits and requeues in separate steps */
    public RetryChatMessageService(MessageStore messages, ChatJobQueue queue, Clock clock, ChatAdmission admission,
            @Nullable MessageIntake intake) {
        this.intake = intake;
        this.messages = messages;
        this.queue = queue;
        this.clock = clock;
        this.admission = admission;
    }

    @Override
    public MessageAccepted retry(Caller caller, MessageId messageId) {
        MessageRef ref = messages.findRef(caller.tenantId(), messageId)
                .filter(found -> found.userId().equals(caller.userId()))
                .orElseThrow(() -> new NotFoundException("message_not_found", "no such message"));
        if (intake != null) {
            return retryInOneWrite(intake, ref);
        }
        ChatMessage failed = failedMessage(ref);
        ChatAdmission.Admitted admitted = admission.readmit(ref.tenantId(), ref.sessionId(), messageId,
                chars(failed));
        Instant now = clock.instant();
        if (!requeueFailed(ref, now)) {
            throw notFailed();
        }
        ChatRequested job = new ChatRequested(messageId, ref.tenantId(), ref.userId(), ref.sessionId(), now)
                .answering(failed.given());
        try (LogContext ignored = LogContext.of(LogContext.MESSAGE_ID, messageId.value(),
                LogContext.SESSION_ID, ref.sessionId().value())) {
            queue.requeue(job, job.requeueDeduplicationId(now));
            log.info("failed message requeued by its user");
        } catch (UnavailableException e) {
            messages.markFailed(ref.tenantId(), ref.sessionId(), messageId,
                    new MessageError("enqueue_failed", "the message could not be queued; please retry it again"),
                    clock.instant());
            withdraw(ref);
            throw e;
        }
        return new MessageAccepted(messageId, ref.sessionId(), MessageStatus.QUEUED, admitted.warning());
    }

    /**
     * Reads the message (its text sizes the reservation and travels in the job), then one write requeues it and
     * takes its hold again, then the job is sent.
     */
    private MessageAccepted retryInOneWrite(MessageIntake intake, MessageRef ref) {
        ChatMessage failed = failedMessage(ref);
        QuotaClaim claim = admission.claim(ref.tenantId(), ref.sessionId(), ref.messageId(), chars(failed));
        Instant now = clock.instant();
        boolean requeued;
        try {
            requeued = intake.requeue(ref, claim, now);
        } catch (QuotaRefusedException e) {
            throw admission.refused(claim, e.refusal());
        }
        if (!requeued) {
            throw notFailed();
        }
        ChatRequested job = ChatService.job(failed, now, failed.attempts() + 1, claim);
        try (LogContext ignored = LogContext.of(LogContext.MESSAGE_ID, ref.messageId().value(),
                LogContext.SESSION_ID, ref.sessionId().value())) {
            queue.requeue(job, job.requeueDeduplicationId(now));
            log.info("failed message requeued by its user");
        } catch (UnavailableException e) {
            messages.markFailed(ref.tenantId(), ref.sessionId(), ref.messageId(),
                    new MessageError("enqueue_failed", "the message could not be queued; please retry it again"),
                    clock.instant());
            withdraw(ref);
            throw e;
        }
        return new MessageAccepted(ref.messageId(), ref.sessionId(), MessageStatus.QUEUED, admission.warning(claim));
    }

    private ChatMessage failedMessage(MessageRef ref) {
        return messages.findExchange(ref.tenantId(), ref.sessionId(), ref.messageId())
                .map(Exchange::message)
                .filter(message -> message.status() == MessageStatus.FAILED)
                .orElseThrow(RetryChatMessageService::notFailed);
    }

    /** What sizes the token reservation: the text, or every given message of an OpenAI-compatible request. */
    private static int chars(ChatMessage message) {
        return message.given() == null ? message.content().length() : message.given().chars();
    }

    /** Requeues the message; a lost race (another retry came first) gives back what this retry's admission took. */
    private boolean requeueFailed(MessageRef ref, Instant now) {
        try {
            if (messages.requeueFailed(ref.tenantId(), ref.sessionId(), ref.messageId(), now)) {
                return true;
            }
        } catch (RuntimeException e) {
            withdraw(ref);
            throw e;
        }
        withdraw(ref);
        return false;
    }

    private void withdraw(MessageRef ref) {
        admission.withdraw(ref.tenantId(), ref.sessionId(), ref.messageId());
    }

    private static ConflictException notFailed() {
        return new ConflictException("message_not_failed", "only a failed message can be retried");
    }
}
