package io.tenantchat.api.export.adapter.in.web;

import io.tenantchat.api.chat.domain.Exchange;
import io.tenantchat.api.chat.domain.MessageError;
import io.tenantchat.api.session.domain.ChatSession;
import io.tenantchat.api.usage.domain.RollupRow;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The records an export is made of, one JSON object each (snake_case; {@code type} says which). */
final class ExportLines {

    private ExportLines() {
    }

    record ExportedSession(String type, String tenantId, String sessionId, String userId, @Nullable String title,
            Instant createdAt, Instant lastActivity, long messageCount) {

        static ExportedSession of(ChatSession s) {
            return new ExportedSession("session", s.tenantId().value(), s.sessionId().value(), s.userId().value(),
                    s.title(), s.createdAt(), s.lastActivity(), s.messageCount());
        }
    }

    record ExportedMessage(String type, String sessionId, String messageId, String userId, String role, String content,
            String status, Instant createdAt, @Nullable String modelId, @Nullable Long inputTokens,
            @Nullable Long outputTokens, @Nullable String errorCode) {

        /** The user message, then its reply when there is one. */
        static List<ExportedMessage> of(Exchange exchange) {
            var m = exchange.message();
            MessageError error = m.error();
            List<ExportedMessage> lines = new ArrayList<>(2);
            lines.add(new ExportedMessage("message", m.sessionId().value(), m.messageId().value(), m.userId().value(),
                    "user", m.content(), m.status().wireValue(), m.createdAt(), null, null, null,
                    error == null ? null : error.code()));
            exchange.reply().ifPresent(r -> lines.add(new ExportedMessage("message", m.sessionId().value(),
                    m.messageId().value(), m.userId().value(), "assistant", r.content(), "completed", r.createdAt(),
                    r.modelId(), r.inputTokens(), r.outputTokens(), null)));
            return lines;
        }
    }

    /** The JSON format of a session export (documentation; it is written as it is read). */
    record SessionExport(ExportedSession session, List<ExportedMessage> messages) {
    }

    record ExportedUsage(String type, String granularity, String bucket, String dimension, long invocations,
            long inputTokens, long outputTokens, long cacheReadInputTokens, long cacheWriteInputTokens,
            BigDecimal costUsd, long unknownUsage) {

        static ExportedUsage of(RollupRow row) {
            var f = row.figures();
            return new ExportedUsage("usage", "month", row.bucket(), row.dimension(), f.invocations(), f.inputTokens(),
                    f.outputTokens(), f.cacheReadInputTokens(), f.cacheWriteInputTokens(), f.costUsd(),
                    f.unknownUsage());
        }
    }
}
