package io.tenantchat.api.chat.adapter.out.dynamodb;

import io.tenantchat.api.chat.domain.ChatMessage;
import io.tenantchat.api.session.domain.ChatSession;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The writes that store a new user message in one transaction, in this order: the message item and its ref item
 * (each only if absent), then the session's counter update, which also proves the session exists and belongs to the
 * message's tenant and user ({@link #SESSION_UPDATE} is its index, for reading cancellation reasons).
 */
final class NewMessageItems {

    /** Index of the session update among {@link #of}'s writes. */
    static final int SESSION_UPDATE = 2;

    private static final TableSchema<MessageItem> MESSAGE_SCHEMA = TableSchema.fromBean(MessageItem.class);
    private static final TableSchema<MessageRefItem> REF_SCHEMA = TableSchema.fromBean(MessageRefItem.class);

    private final String messagesTable;
    private final String sessionsTable;

    NewMessageItems(String messagesTable, String sessionsTable) {
        this.messagesTable = messagesTable;
        this.sessionsTable = sessionsTable;
    }

    List<TransactWriteItem> of(ChatMessage message) {
        return List.of(putNew(MESSAGE_SCHEMA.itemToMap(MessageMapping.toItem(message), true)),
                putNew(REF_SCHEMA.itemToMap(MessageMapping.toRefItem(message), true)), countOnSession(message));
    }

    private TransactWriteItem putNew(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(messagesTable).item(item)
                .conditionExpression("attribute_not_exists(pk)").build()).build();
    }

    private TransactWriteItem countOnSession(ChatMessage m) {
        String key = ChatSession.keyOf(m.tenantId(), m.userId(), m.sessionId());
        return TransactWriteItem.builder().update(Update.builder().tableName(sessionsTable)
                .key(Map.of("session_key", s(key)))
                .updateExpression("SET last_activity = :at ADD message_count :one")
                .conditionExpression("attribute_exists(session_key) AND tenant_id = :tenant AND user_id = :user")
                .expressionAttributeValues(Map.of(":at", s(m.createdAt().toString()), ":one", AttributeValue.fromN("1"),
                        ":tenant", s(m.tenantId().value()), ":user", s(m.userId().value())))
                .build()).build();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
