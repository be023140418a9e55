package io.tenantchat.api.chat.application;

import io.tenantchat.api.chat.domain.MessageRef;
import io.tenantchat.api.chat.domain.MessageStatus;
import io.tenantchat.api.error.ConflictException;
import io.tenantchat.api.error.NotFoundException;
import io.tenantchat.api.identity.Caller;
import io.tenantchat.shared.MessageId;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a reply for its author: the stop is stored first (a conditional write on the message), then signalled.
 * Repeating it answers the same; a stop of a message that is still being stopped signals again (a lost signal is
 * resent), and one of a finished message is a conflict.
 */
public final class CancelChatMessageService implements CancelChatMessageUseCase {

    private static final Logger log = LoggerFactory.getLogger(CancelChatMessageService.class);

    private final MessageStore messages;
    private final CancelSignals signals;
    private final Clock clock;

    public CancelChatMessageService(MessageStore messages, CancelSignals signals, Clock clock) {
        this.messages = messages;
        this.signals = signals;
        this.clock = clock;
    }

    @Override
    public MessageAccepted cancel(Caller caller, MessageId messageId) {
        MessageRef ref = messages.findRef(caller.tenantId(), messageId)
                .filter(found -> found.userId().equals(caller.userId()))
                .orElseThrow(CancelChatMessageService::notFound);
        CancelOutcome outcome = messages.cancel(ref.tenantId(), ref.sessionId(), messageId, clock.instant());
        log.info("stop of message {} requested by its author: {}", messageId, outcome);
        return switch (outcome) {
            case CANCELLED -> {
                signals.cancelled(ref);
                yield answer(ref, MessageStatus.CANCELLED);
            }
            case ALREADY_CANCELLED -> answer(ref, MessageStatus.CANCELLED);
            case STOPPING -> {
                signals.stopping(ref);
                yield answer(ref, MessageStatus.PROCESSING);
            }
            case FINISHED -> throw new ConflictException("message_finished",
                    "the message completed or failed already; there is nothing to stop");
            case NOT_FOUND -> throw notFound();
        };
    }

    private static MessageAccepted answer(MessageRef ref, MessageStatus status) {
        return new MessageAccepted(ref.messageId(), ref.sessionId(), status, null);
    }

    private static NotFoundException notFound() {
        return new NotFoundException("message_not_found", "no such message");
    }
}
