package io.tenantchat.api.chat.adapter.out.dynamodb;

import io.tenantchat.api.chat.domain.ChatMessage;
import io.tenantchat.api.chat.domain.Exchange;
import io.tenantchat.api.chat.domain.MessageError;
import io.tenantchat.api.chat.domain.MessageRef;
import io.tenantchat.api.chat.domain.MessageStatus;
import io.tenantchat.api.chat.domain.Reply;
import io.tenantchat.api.chat.domain.TurnParent;
import io.tenantchat.shared.GivenConversation;
import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.UserId;
import io.tenantchat.shared.table.MessagesTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/** Maps between items and domain records. */
final class MessageMapping {

    /** The given conversation's own wire names ({@link GivenConversation}'s annotations), as in the job. */
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private MessageMapping() {
    }

    static MessageItem toItem(ChatMessage m) {
        MessageItem item = new MessageItem();
        item.setPk(MessagesTable.conversation(m.tenantId(), m.sessionId()));
        item.setSk(MessagesTable.userMessage(m.messageId()));
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
        item.setParentMessageId(m.parent().wire());
        item.setRegeneratedFrom(m.regeneratedFrom() == null ? null : m.regeneratedFrom().value());
        if (m.given() != null) {
            item.setGiven(JSON.writeValueAsString(m.given()));
        }
        return item;
    }

    static MessageRefItem toRefItem(ChatMessage m) {
        MessageRefItem item = new MessageRefItem();
        item.setPk(MessagesTable.ref(m.tenantId(), m.messageId()));
        item.setSk(MessagesTable.REF_SORT_KEY);
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
                Instant.parse(item.getCreatedAt()), Instant.parse(item.getUpdatedAt()),
                TurnParent.fromWire(item.getParentMessageId()),
                item.getRegeneratedFrom() == null ? null : MessageId.of(item.getRegeneratedFrom()),
                item.getGiven() == null ? null : JSON.readValue(item.getGiven(), GivenConversation.class));
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
