package io.tenantchat.api.operations.adapter.in.web;

import io.tenantchat.api.operations.domain.DeadLetterKey;
import io.tenantchat.api.operations.domain.ReplaySummary;
import io.tenantchat.api.operations.domain.ReplayedLetter;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The replay summary: counts, and the first 100 letters with their outcome. */
record ReplayResponse(String queue, boolean dryRun, int examined, int matched, int moved, int skipped, int failed,
        List<ReplayedLetterEntry> letters) {

    record ReplayedLetterEntry(String sqsMessageId, @Nullable String tenantId, @Nullable String messageId,
            @Nullable String eventId, String outcome, String reason) {
    }

    static ReplayResponse of(ReplaySummary s) {
        return new ReplayResponse(s.queue().wireName(), s.dryRun(), s.examined(), s.matched(), s.moved(),
                s.skipped(), s.failed(), s.letters().stream().map(ReplayResponse::entry).toList());
    }

    private static ReplayedLetterEntry entry(ReplayedLetter letter) {
        DeadLetterKey k = letter.key();
        return new ReplayedLetterEntry(letter.sqsMessageId(), k == null ? null : k.tenantId().value(),
                k == null || k.messageId() == null ? null : k.messageId().value(), k == null ? null : k.eventId(),
                letter.outcome().wireValue(), letter.reason());
    }
}
