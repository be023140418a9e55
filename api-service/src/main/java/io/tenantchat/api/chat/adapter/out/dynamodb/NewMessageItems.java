package io.tenantchat.api.chat.adapter.out.dynamodb;

import io.tenantchat.api.chat.domain.ChatMessage;
import io.tenantchat.api.session.domain.ChatSession;
import io.tenantchat.api.chat.application.ConversationRetention;
import io.tenantchat.api.chat.application.TurnPlacement;
import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.table.MessagesTable;
import io.tenantchat.shared.table.Retention;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The writes that store a new user message in one transaction, in this order: the message item and its ref item
 * (each only if absent), then the session's counter update, which also proves the session exists and belongs to the
 * message's tenant and user and has not expired ({@link #SESSION_UPDATE} is its index, for reading cancellation
 * reasons). With a retention, all three carry {@code expires_at} ({@link Retention}): the message and its lookup
 * from the message's time, the session moved on to it by every message; the days are the tenant's at the time of
 * writing ({@link ConversationRetention}), so a changed retention applies to the next message on.
 */
final class NewMessageItems {

    /** On the session item: the last turn of its active path, once it branched. */
    static final String ACTIVE_LEAF = "active_leaf";
    /** On the session item: the chosen child per parent (message id, or {@code root}) that has several. */
    static final String ACTIVE_CHILDREN = "active_children";
    /** On the session item: raised by every branch and switch, the condition of the next. */
    static final String TREE_VERSION = "tree_version";

    /** On a user message sent with an {@code Idempotency-Key}: the {@code pk} of the key's idempotency item. */
    static final String IDEMPOTENCY_PK = "idempotency_pk";

    /** Index of the session update among {@link #of}'s writes. */
    static final int SESSION_UPDATE = 2;

    private static final TableSchema<MessageItem> MESSAGE_SCHEMA = TableSchema.fromBean(MessageItem.class);
    private static final TableSchema<MessageRefItem> REF_SCHEMA = TableSchema.fromBean(MessageRefItem.class);

    private final String messagesTable;
    private final String sessionsTable;
    private final ConversationRetention retention;
    private final Clock clock;

    NewMessageItems(String messagesTable, String sessionsTable, ConversationRetention retention, Clock clock) {
        this.messagesTable = messagesTable;
        this.sessionsTable = sessionsTable;
        this.retention = retention;
        this.clock = clock;
    }

    /** A turn's writes as before branches existed: the session's branches are neither checked nor changed. */
    List<TransactWriteItem> of(ChatMessage message) {
        return of(message, null);
    }

    /**
     * A turn's writes; the session update also places it ({@link TurnPlacement}) on condition the session's branches
     * are as read (null: neither checked nor changed).
     */
    List<TransactWriteItem> of(ChatMessage message, @Nullable TurnPlacement placement) {
        Long expiresAt = retention.expiresAt(message.tenantId(), message.createdAt());
        return List.of(putNew(MESSAGE_SCHEMA.itemToMap(MessageMapping.toItem(message), true), expiresAt),
                putNew(REF_SCHEMA.itemToMap(MessageMapping.toRefItem(message), true), expiresAt),
                countOnSession(message, placement, expiresAt));
    }

    /**
     * A turn's writes whose user message names its idempotency item ({@value #IDEMPOTENCY_PK}: the item's {@code pk}),
     * so an erasure finds and deletes that item with the message (it cannot be listed by user otherwise).
     */
    List<TransactWriteItem> of(ChatMessage message, @Nullable TurnPlacement placement,
            Map<String, AttributeValue> idempotencyKey) {
        List<TransactWriteItem> writes = new ArrayList<>(of(message, placement));
        Put put = writes.get(0).put();
        Map<String, AttributeValue> item = new HashMap<>(put.item());
        item.put(IDEMPOTENCY_PK, idempotencyKey.get(MessagesTable.PK));
        writes.set(0, TransactWriteItem.builder().put(put.toBuilder().item(item).build()).build());
        return List.copyOf(writes);
    }

    private TransactWriteItem putNew(Map<String, AttributeValue> mapped, @Nullable Long expiresAt) {
        Map<String, AttributeValue> item = mapped;
        if (expiresAt != null) {
            item = new HashMap<>(mapped);
            item.put(Retention.EXPIRES_AT, AttributeValue.fromN(Long.toString(expiresAt)));
        }
        return TransactWriteItem.builder().put(Put.builder().tableName(messagesTable).item(item)
                .conditionExpression("attribute_not_exists(pk)").build()).build();
    }

    private TransactWriteItem countOnSession(ChatMessage m, @Nullable TurnPlacement placement,
            @Nullable Long expiresAt) {
        String key = ChatSession.keyOf(m.tenantId(), m.userId(), m.sessionId());
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":at", s(m.createdAt().toString()),
                ":one", AttributeValue.fromN("1"), ":tenant", s(m.tenantId().value()), ":user", s(m.userId().value()),
                Retention.NOW_EPOCH, AttributeValue.fromN(Long.toString(clock.instant().getEpochSecond()))));
        String set = "SET last_activity = :at";
        if (expiresAt != null) {
            set += ", " + Retention.EXPIRES_AT + " = :expires_at";
            values.put(":expires_at", AttributeValue.fromN(Long.toString(expiresAt)));
        }
        String add = " ADD message_count :one";
        String remove = "";
        String condition = "attribute_exists(session_key) AND tenant_id = :tenant AND user_id = :user AND "
                + Retention.LIVE_CONDITION;
        switch (placement) {
            case null -> {
            }
            case TurnPlacement.Linear linear -> condition += " AND attribute_not_exists(" + ACTIVE_LEAF + ")";
            case TurnPlacement.AfterLeaf after -> {
                set += ", " + ACTIVE_LEAF + " = :me";
                condition += " AND " + ACTIVE_LEAF + " = :leaf";
                values.put(":me", s(m.messageId().value()));
                values.put(":leaf", s(after.leaf().value()));
            }
            case TurnPlacement.Branch branch -> {
                set += ", " + ACTIVE_LEAF + " = :me";
                values.put(":me", s(m.messageId().value()));
                if (branch.choices().isEmpty()) {
                    remove = " REMOVE " + ACTIVE_CHILDREN;
                } else {
                    set += ", " + ACTIVE_CHILDREN + " = :choices";
                    values.put(":choices", choices(branch.choices()));
                }
                add += ", " + TREE_VERSION + " :one";
                condition += " AND " + versionIs(branch.expectedVersion(), values);
            }
        }
        String update = set + remove + add;
        String onCondition = condition;
        return TransactWriteItem.builder().update(Update.builder().tableName(sessionsTable)
                .key(Map.of("session_key", s(key)))
                .updateExpression(update)
                .conditionExpression(onCondition)
                .expressionAttributeValues(values)
                .build()).build();
    }

    /** The condition that the session's branches are at {@code version} (0: never branched), with its value. */
    static String versionIs(long version, Map<String, AttributeValue> values) {
        if (version == 0) {
            return "attribute_not_exists(" + TREE_VERSION + ")";
        }
        values.put(":version", AttributeValue.fromN(Long.toString(version)));
        return TREE_VERSION + " = :version";
    }

    static AttributeValue choices(Map<String, MessageId> choices) {
        Map<String, AttributeValue> map = new HashMap<>();
        choices.forEach((parent, child) -> map.put(parent, s(child.value())));
        return AttributeValue.fromM(map);
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
