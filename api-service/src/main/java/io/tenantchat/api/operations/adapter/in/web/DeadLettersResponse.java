package io.tenantchat.api.operations.adapter.in.web;

import io.tenantchat.api.operations.domain.DeadLetterKey;
import io.tenantchat.api.operations.domain.DeadLetterView;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@code GET /api/admin/queues/{queue}/dead-letters}: whose each one is and why it failed; never its text. */
record DeadLettersResponse(String queue, List<DeadLetterEntry> deadLetters) {

    record DeadLetterEntry(String sqsMessageId, @Nullable String groupId, String sentAt, int receiveCount,
            @Nullable String tenantId, @Nullable String sessionId, @Nullable String messageId, @Nullable String eventId,
            @Nullable String status, @Nullable Integer attempts, @Nullable String errorCode,
            @Nullable String errorMessage) {
    }

    static DeadLettersResponse of(String queue, List<DeadLetterView> views) {
        return new DeadLettersResponse(queue, views.stream().map(DeadLettersResponse::entry).toList());
    }

    private static DeadLetterEntry entry(DeadLetterView v) {
        DeadLetterKey k = v.key();
        return new DeadLetterEntry(v.sqsMessageId(), v.groupId(), v.sentAt().toString(), v.receiveCount(),
                k == null ? null : k.tenantId().value(),
                k == null || k.sessionId() == null ? null : k.sessionId().value(),
                k == null || k.messageId() == null ? null : k.messageId().value(),
                k == null ? null : k.eventId(), v.status(), v.attempts(), v.errorCode(), v.errorMessage());
    }
}
