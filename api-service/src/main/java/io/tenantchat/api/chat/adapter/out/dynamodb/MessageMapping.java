package io.tenantchat.api.chat.adapter.out.dynamodb;

import io.tenantchat.api.chat.domain.ChatMessage;
import io.tenantchat.api.chat.domain.Exchange;
import io.tenantchat.api.chat.domain.MessageError;
import io.tenantchat.api.chat.domain.MessageRef;
import io.tenantchat.api.chat.domain.MessageStatus;
import io.tenantchat.api.chat.domain.Reply;
import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Maps between items and domain records. */
final class MessageMapping {

    private MessageMapping() {
    }

    static MessageItem toItem(ChatMessage m) {
        MessageItem item = new MessageItem();
        item.setPk(MessageKeys.conversation(m.tenantId(), m.sessionId()));
        item.setSk(MessageKeys.userMessage(m.messageId()));
        item.setTenantId(m.tenantId().value());
        item.setSessionId(m.sessionId().value());
        item.setUserId(m.userId().value());
        item.setMessageId(m.messageId().value());
        item.setRole("user");
        item.setContent(m.content());
        item.setStatus(m.status().wireValue());
        item.setAttempts(m.attempts());
        item.setCreatedAt(m.createdAt().toString());
        item.setUpdatedAt(m.updatedAt().toString());
        return item;
    }

    static MessageRefItem toRefItem(ChatMessage m) {
        MessageRefItem item = new MessageRefItem();
        item.setPk(MessageKeys.ref(m.tenantId(), m.messageId()));
        item.setSk(MessageKeys.REF_SORT_KEY);
        item.setTenantId(m.tenantId().value());
        item.setSessionId(m.sessionId().value());
        item.setUserId(m.userId().value());
        item.setMessageId(m.messageId().value());
        item.setCreatedAt(m.createdAt().toString());
        return item;
    }

    static MessageRef toRef(MessageRefItem item) {
        return new MessageRef(TenantId.of(item.getTenantId()), SessionId.of(item.getSessionId()),
                UserId.of(item.getUserId()), MessageId.of(item.getMessageId()));
    }

    /** Pairs each user message with the reply that follows it; items arrive in sort-key order. */
    static List<Exchange> toExchanges(List<MessageItem> items) {
        List<Exchange> exchanges = new ArrayList<>();
        for (MessageItem item : items) {
            if ("user".equals(item.getRole())) {
                exchanges.add(new Exchange(toMessage(item), null));
            } else if (!exchanges.isEmpty() && last(exchanges).message().messageId().value().equals(item.getMessageId())) {
                exchanges.set(exchanges.size() - 1, new Exchange(last(exchanges).message(), toReply(item)));
            }
        }
        return exchanges;
    }

    private static Exchange last(List<Exchange> exchanges) {
        return exchanges.get(exchanges.size() - 1);
    }

    private static ChatMessage toMessage(MessageItem item) {
        MessageError error = item.getErrorCode() == null ? null
                : new MessageError(item.getErrorCode(), item.getErrorMessage() == null ? "" : item.getErrorMessage());
        return new ChatMessage(TenantId.of(item.getTenantId()), SessionId.of(item.getSessionId()),
                UserId.of(item.getUserId()), MessageId.of(item.getMessageId()), required(item.getContent(), "content"),
                MessageStatus.fromWire(required(item.getStatus(), "status")), item.getAttempts() == null ? 0 : item.getAttempts(), error,
                Instant.parse(item.getCreatedAt()), Instant.parse(item.getUpdatedAt()));
    }

    private static Reply toReply(MessageItem item) {
        return new Reply(required(item.getContent(), "content"), required(item.getModelId(), "model_id"),
                orZero(item.getInputTokens()), orZero(item.getOutputTokens()), Instant.parse(item.getCreatedAt()),
                item.getStopReason());
    }

    /** An attribute every message item has; one without it is malformed. */
    private static String required(@Nullable String value, String attribute) {
        if (value == null) {
            throw new IllegalStateException("message item without " + attribute);
        }
        return value;
    }

    private static long orZero(@Nullable Long value) {
        return value == null ? 0 : value;
    }
}
