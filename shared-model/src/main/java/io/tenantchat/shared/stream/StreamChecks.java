package io.tenantchat.shared.stream;

import java.util.Objects;

/** Checks shared by the stream records. */
final class StreamChecks {

    private StreamChecks() {}

    static void requireIds(Object tenantId, Object sessionId, Object messageId) {
        Objects.requireNonNull(tenantId, "tenant_id");
        Objects.requireNonNull(sessionId, "session_id");
        Objects.requireNonNull(messageId, "message_id");
    }

    static void requirePosition(int attempt, long seq, long minSeq) {
        if (attempt < 1 || seq < minSeq) {
            throw new IllegalArgumentException("attempt starts at 1 and seq at " + minSeq);
        }
    }
}
