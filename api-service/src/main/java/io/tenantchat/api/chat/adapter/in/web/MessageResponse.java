package io.tenantchat.api.chat.adapter.in.web;

import io.tenantchat.api.chat.domain.Exchange;
import io.tenantchat.api.chat.domain.MessageError;
import io.tenantchat.api.chat.domain.Reply;
import org.jspecify.annotations.Nullable;

/** {@code GET /api/chat/{message_id}}: status, then the reply or the error (the other is null). */
record MessageResponse(String messageId, String sessionId, String status, @Nullable ReplyBody reply,
        @Nullable ErrorBody error) {

    /** {@code stop_reason}: {@code guardrail_intervened} when a guardrail withheld the reply, else absent. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record ReplyBody(String content, String modelId, UsageBody usage, @Nullable String stopReason) {

        static ReplyBody of(Reply r) {
            return new ReplyBody(r.content(), r.modelId(), new UsageBody(r.inputTokens(), r.outputTokens()),
                    r.stopReason());
        }
    }

    record UsageBody(long inputTokens, long outputTokens) {
    }

    record ErrorBody(String code, String message) {

        static ErrorBody of(MessageError e) {
            return new ErrorBody(e.code(), e.message());
        }
    }

    static MessageResponse of(Exchange exchange) {
        var m = exchange.message();
        return new MessageResponse(m.messageId().value(), m.sessionId().value(), m.status().wireValue(),
                exchange.reply().map(ReplyBody::of).orElse(null), m.failure().map(ErrorBody::of).orElse(null));
    }
}
