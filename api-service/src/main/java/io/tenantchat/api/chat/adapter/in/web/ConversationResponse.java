package io.tenantchat.api.chat.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tenantchat.api.chat.application.ConversationPage;
import io.tenantchat.api.chat.domain.Exchange;
import io.tenantchat.shared.MessageId;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /api/sessions/{id}/messages}: one page of user and assistant messages in conversation order;
 * {@code next_cursor} (pass it as {@code after}) is null on the last page.
 */
record ConversationResponse(String sessionId, List<Entry> messages, @Nullable String nextCursor) {

    /** One message. {@code status}/{@code error} belong to user messages, model and usage to replies. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Entry(String messageId, String role, String content, @Nullable String status, String createdAt,
            @Nullable String modelId, MessageResponse.@Nullable UsageBody usage,
            MessageResponse.@Nullable ErrorBody error, @Nullable String stopReason, @Nullable String parentMessageId,
            @Nullable List<String> siblingIds, @Nullable Integer siblingIndex, @Nullable String regeneratedFrom) {

        Entry(String messageId, String role, String content, @Nullable String status, String createdAt,
                @Nullable String modelId, MessageResponse.@Nullable UsageBody usage,
                MessageResponse.@Nullable ErrorBody error, @Nullable String stopReason) {
            this(messageId, role, content, status, createdAt, modelId, usage, error, stopReason, null, null, null, null);
        }

        /** This entry with where its turn sits among its siblings. */
        Entry placed(ConversationPage.@Nullable TurnBranches branches, @Nullable MessageId regenerated) {
            if (branches == null) {
                return this;
            }
            MessageId id = MessageId.of(messageId);
            return new Entry(messageId, role, content, status, createdAt, modelId, usage, error, stopReason,
                    branches.parentOrNull() == null ? null : branches.parentOrNull().value(),
                    branches.siblings().stream().map(MessageId::value).toList(), branches.siblings().indexOf(id),
                    regenerated == null ? null : regenerated.value());
        }
    }

    /** The page's turns, each with its parent, its siblings (regenerations and edits) and its place among them. */
    static ConversationResponse of(String sessionId, ConversationPage page) {
        List<Entry> entries = new ArrayList<>();
        for (Exchange exchange : page.exchanges()) {
            var m = exchange.message();
            var branches = page.branches().get(m.messageId());
            entries(List.of(exchange)).forEach(entry -> entries.add(entry.placed(branches, m.regeneratedFrom())));
        }
        return new ConversationResponse(sessionId, entries, page.nextCursor().map(MessageId::value).orElse(null));
    }

    static List<Entry> entries(List<Exchange> exchanges) {
        List<Entry> entries = new ArrayList<>();
        for (Exchange exchange : exchanges) {
            var m = exchange.message();
            entries.add(new Entry(m.messageId().value(), "user", m.content(), m.status().wireValue(),
                    m.createdAt().toString(), null, null, m.failure().map(MessageResponse.ErrorBody::of).orElse(null),
                    null));
            exchange.reply().ifPresent(r -> entries.add(new Entry(m.messageId().value(), "assistant", r.content(),
                    null, r.createdAt().toString(), r.modelId(),
                    new MessageResponse.UsageBody(r.inputTokens(), r.outputTokens()), null, r.stopReason())));
        }
        return entries;
    }
}
