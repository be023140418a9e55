package io.tenantchat.api.operations.application;

import io.tenantchat.api.chat.application.MessageStore;
import io.tenantchat.api.chat.domain.ChatMessage;
import io.tenantchat.api.chat.domain.MessageError;
import io.tenantchat.api.operations.domain.DeadLetter;
import io.tenantchat.api.operations.domain.DeadLetterKey;
import io.tenantchat.api.operations.domain.DeadLetterView;
import io.tenantchat.api.operations.domain.OperatedQueue;
import io.tenantchat.api.operations.domain.QueueStats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Stats from the queue attributes; a peek receives dead letters with a short hold, reads the state of each chat
 * job's message, and makes every letter visible again before it answers.
 */
public final class InspectQueuesService implements InspectQueuesUseCase {

    static final Duration PEEK_HOLD = Duration.ofSeconds(30);

    private final QueueConsole console;
    private final MessageStore messages;

    public InspectQueuesService(QueueConsole console, MessageStore messages) {
        this.console = console;
        this.messages = messages;
    }

    @Override
    public List<QueueStats> stats() {
        return Arrays.stream(OperatedQueue.values())
                .flatMap(queue -> List.of(console.stats(queue, false), console.stats(queue, true)).stream())
                .toList();
    }

    @Override
    public List<DeadLetterView> peek(OperatedQueue queue, int limit) {
        if (limit < 1 || limit > MAX_PEEK) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_PEEK);
        }
        Map<String, DeadLetter> seen = new LinkedHashMap<>();
        List<DeadLetter> received = new ArrayList<>();
        try {
            while (seen.size() < limit) {
                List<DeadLetter> batch = console.receive(queue, PEEK_HOLD);
                received.addAll(batch);
                int before = seen.size();
                batch.forEach(letter -> seen.putIfAbsent(letter.sqsMessageId(), letter));
                if (seen.size() == before) {
                    break;
                }
            }
        } finally {
            console.release(queue, received);
        }
        return seen.values().stream().limit(limit).map(this::view).toList();
    }

    private DeadLetterView view(DeadLetter letter) {
        Optional<ChatMessage> message = message(letter.key());
        return new DeadLetterView(letter.sqsMessageId(), letter.groupId(), letter.sentAt(), letter.receiveCount(),
                letter.key(), message.map(m -> m.status().wireValue()).orElse(null),
                message.map(ChatMessage::attempts).orElse(null),
                message.flatMap(ChatMessage::failure).map(MessageError::code).orElse(null),
                message.flatMap(ChatMessage::failure).map(MessageError::message).orElse(null));
    }

    private Optional<ChatMessage> message(@Nullable DeadLetterKey key) {
        if (key == null || key.sessionId() == null || key.messageId() == null || key.eventId() != null) {
            return Optional.empty();
        }
        return messages.findExchange(key.tenantId(), key.sessionId(), key.messageId()).map(e -> e.message());
    }
}
