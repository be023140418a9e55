package io.tenantchat.api.chat.application;

import static io.tenantchat.api.support.Callers.ALICE;
import static io.tenantchat.api.support.Callers.ANNA;
import static io.tenantchat.api.support.Callers.BOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantchat.api.chat.domain.ChatMessage;
import io.tenantchat.api.chat.domain.MessageStatus;
import io.tenantchat.api.error.ConflictException;
import io.tenantchat.api.error.NotFoundException;
import io.tenantchat.api.support.InMemoryMessageStore;
import io.tenantchat.api.support.RecordingCancelSignals;
import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CancelChatMessageServiceTests {

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-03T08:00:00Z"), ZoneOffset.UTC);
    private final InMemoryMessageStore messages = new InMemoryMessageStore();
    private final RecordingCancelSignals signals = new RecordingCancelSignals();
    private final CancelChatMessageService cancel = new CancelChatMessageService(messages, signals, clock);

    @Test
    void queuedMessageIsCancelledAtOnceAndItsSessionIsTold() {
        ChatMessage message = stored(MessageStatus.QUEUED);

        MessageAccepted state = cancel.cancel(ALICE, message.messageId());

        assertThat(state.status()).isEqualTo(MessageStatus.CANCELLED);
        assertThat(state.sessionId()).isEqualTo(message.sessionId());
        assertThat(signals.cancelled).extracting(ref -> ref.messageId()).containsExactly(message.messageId());
        assertThat(signals.stopping).isEmpty();
    }

    @Test
    void generatingMessageGetsTheStopRequestAndTheWorkersAreTold() {
        ChatMessage message = stored(MessageStatus.PROCESSING);

        MessageAccepted state = cancel.cancel(ALICE, message.messageId());

        assertThat(state.status()).isEqualTo(MessageStatus.PROCESSING);
        assertThat(messages.stopping).contains(message.messageId());
        assertThat(signals.stopping).extracting(ref -> ref.messageId()).containsExactly(message.messageId());
    }

    @Test
    void repeatedStopOfAGeneratingMessageSignalsAgainSoALostSignalIsResent() {
        ChatMessage message = stored(MessageStatus.PROCESSING);

        cancel.cancel(ALICE, message.messageId());
        cancel.cancel(ALICE, message.messageId());

        assertThat(signals.stopping).hasSize(2);
    }

    @Test
    void cancelledMessageAnswersTheSameAgainWithoutSignalling() {
        ChatMessage message = stored(MessageStatus.QUEUED);
        cancel.cancel(ALICE, message.messageId());

        MessageAccepted again = cancel.cancel(ALICE, message.messageId());

        assertThat(again.status()).isEqualTo(MessageStatus.CANCELLED);
        assertThat(signals.cancelled).hasSize(1);
    }

    @Test
    void finishedMessageIsAConflict() {
        ChatMessage completed = stored(MessageStatus.COMPLETED);
        ChatMessage failed = stored(MessageStatus.FAILED);

        assertThatThrownBy(() -> cancel.cancel(ALICE, completed.messageId())).isInstanceOf(ConflictException.class)
                .hasFieldOrPropertyWithValue("code", "message_finished");
        assertThatThrownBy(() -> cancel.cancel(ALICE, failed.messageId())).isInstanceOf(ConflictException.class);
        assertThat(signals.cancelled).isEmpty();
        assertThat(signals.stopping).isEmpty();
    }

    @Test
    void anotherUsersOrTenantsMessageIsNotFoundAndUntouched() {
        ChatMessage message = stored(MessageStatus.QUEUED);

        assertThatThrownBy(() -> cancel.cancel(ANNA, message.messageId())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> cancel.cancel(BOB, message.messageId())).isInstanceOf(NotFoundException.class);
        assertThat(messages.findExchange(ALICE.tenantId(), message.sessionId(), message.messageId()).orElseThrow()
                .message().status()).isEqualTo(MessageStatus.QUEUED);
        assertThat(signals.cancelled).isEmpty();
    }

    private ChatMessage stored(MessageStatus status) {
        Instant now = clock.instant();
        ChatMessage message = new ChatMessage(ALICE.tenantId(), SessionId.random(), ALICE.userId(),
                MessageId.next(Clock.systemUTC()), "Hello", status, 0, null, now, now);
        messages.saveQueued(message);
        return message;
    }
}
