package io.tenantchat.api.chat.adapter.out.dynamodb;

import io.tenantchat.api.chat.application.BranchesMovedException;
import io.tenantchat.api.chat.application.CancelOutcome;
import io.tenantchat.api.chat.application.ConversationPage;
import io.tenantchat.api.chat.application.MessageStore;
import io.tenantchat.api.chat.application.SessionBranches;
import io.tenantchat.api.chat.domain.ConversationTree;
import io.tenantchat.api.chat.domain.ChatMessage;
import io.tenantchat.api.chat.domain.Exchange;
import io.tenantchat.api.chat.domain.IdempotencyKey;
import io.tenantchat.api.chat.domain.MessageError;
import io.tenantchat.api.chat.domain.MessageRef;
import io.tenantchat.api.chat.application.ConversationRetention;
import io.tenantchat.api.chat.config.TableProperties;
import io.tenantchat.api.credentials.TenantDynamoDb;
import io.tenantchat.api.error.NotFoundException;
import io.tenantchat.api.error.UnavailableException;
import io.tenantchat.api.session.domain.ChatSession;
import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.UserId;
import io.tenantchat.shared.table.MessagesTable;
import io.tenantchat.shared.table.Retention;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Messages in DynamoDB; a new message, its lookup item and the session counter are written in one transaction. Every
 * read leaves out what has expired ({@link Retention}): DynamoDB deletes it only some time later.
 */
@Component
class DynamoDbMessageStore implements MessageStore {

    private static final TableSchema<MessageItem> MESSAGE_SCHEMA = TableSchema.fromBean(MessageItem.class);
    private static final TableSchema<MessageRefItem> REF_SCHEMA = TableSchema.fromBean(MessageRefItem.class);
    private static final int SESSION_UPDATE = NewMessageItems.SESSION_UPDATE;
    private static final int IDEMPOTENCY_PUT = 3;
    /** The stop request of a message's author; the worker reads it (never claims, completes or fails such a message). */
    static final String CANCEL_REQUESTED = "cancel_requested_at";

    private final TenantDynamoDb dynamo;
    private final TableProperties tables;
    private final NewMessageItems newMessage;
    private final IdempotencyItems idempotency;
    private final Clock clock;

    DynamoDbMessageStore(TenantDynamoDb dynamo, TableProperties tables, Clock clock) {
        this(dynamo, tables, clock, ConversationRetention.FOREVER);
    }

    @Autowired
    DynamoDbMessageStore(TenantDynamoDb dynamo, TableProperties tables, Clock clock, ConversationRetention retention) {
        this.dynamo = dynamo;
        this.tables = tables;
        this.idempotency = new IdempotencyItems(tables.messages());
        this.newMessage = new NewMessageItems(tables.messages(), tables.sessions(), retention, clock);
        this.clock = clock;
    }

    @Override
    public void saveQueued(ChatMessage message) {
        try {
            dynamo.client(message.tenantId()).transactWriteItems(t -> t.clientRequestToken(message.messageId().value())
                    .transactItems(newMessage.of(message)));
        } catch (TransactionCanceledException e) {
            if (failedCondition(e, SESSION_UPDATE)) {
                throw new NotFoundException("session_not_found", "no such session");
            }
            throw e;
        }
    }

    @Override
    public Optional<MessageRef> saveQueued(ChatMessage message, IdempotencyKey key, Instant expiresAt) {
        try {
            dynamo.client(message.tenantId()).transactWriteItems(t -> t.clientRequestToken(message.messageId().value())
                    .transactItems(withIdempotency(newMessage.of(message, null,
                                    IdempotencyItems.key(message.tenantId(), message.userId(), key)),
                            idempotency.put(message, key, expiresAt, clock.instant()))));
            return Optional.empty();
        } catch (TransactionCanceledException e) {
            if (failedCondition(e, SESSION_UPDATE)) {
                throw new NotFoundException("session_not_found", "no such session");
            }
            return original(message.tenantId(), message.userId(), key, e);
        }
    }

    /** The message a used key stands for; a conflict with a request still in flight asks the client to retry. */
    private Optional<MessageRef> original(TenantId tenantId, UserId userId, IdempotencyKey key,
            TransactionCanceledException e) {
        Map<String, AttributeValue> item = dynamo.client(tenantId).getItem(g -> g.tableName(tables.messages())
                .key(IdempotencyItems.key(tenantId, userId, key)).consistentRead(true)).item();
        Optional<MessageRef> original = IdempotencyItems.toRef(item, tenantId, userId, clock.instant());
        if (original.isPresent()) {
            return original;
        }
        if (e.cancellationReasons().size() > IDEMPOTENCY_PUT) {
            throw new UnavailableException("idempotency_conflict",
                    "a request with this Idempotency-Key is still being processed; please retry");
        }
        throw e;
    }

    @Override
    public ConversationPage conversationPage(TenantId tenantId, SessionId sessionId, @Nullable MessageId afterOrNull,
            int limit) {
        String pk = MessagesTable.conversation(tenantId, sessionId);
        QueryConditional range = afterOrNull == null
                ? QueryConditional.keyEqualTo(k -> k.partitionValue(pk))
                : QueryConditional.sortGreaterThan(k -> k.partitionValue(pk).sortValue(MessagesTable.reply(afterOrNull)));
        List<MessageItem> items = new ArrayList<>();
        Instant now = clock.instant();
        int users = 0;
        for (MessageItem item : (Iterable<MessageItem>) messages(tenantId).query(q -> q.queryConditional(range)
                .consistentRead(true).limit(Math.min(2 * limit + 2, 1_000))).items()::iterator) {
            if (!tenantId.value().equals(item.getTenantId()) || !Retention.live(item.getExpiresAt(), now)) {
                continue;
            }
            if ("user".equals(item.getRole()) && ++users > limit) {
                List<Exchange> page = MessageMapping.toExchanges(items);
                return new ConversationPage(page, page.get(page.size() - 1).message().messageId());
            }
            items.add(item);
        }
        return new ConversationPage(MessageMapping.toExchanges(items), null);
    }

    @Override
    public Optional<MessageRef> findRef(TenantId tenantId, MessageId messageId) {
        Key key = Key.builder().partitionValue(MessagesTable.ref(tenantId, messageId)).sortValue(MessagesTable.REF_SORT_KEY)
                .build();
        return Optional.ofNullable(refs(tenantId).getItem(r -> r.key(key).consistentRead(true)))
                .filter(item -> tenantId.value().equals(item.getTenantId())
                        && Retention.live(item.getExpiresAt(), clock.instant()))
                .map(MessageMapping::toRef);
    }

    @Override
    public Optional<Exchange> findExchange(TenantId tenantId, SessionId sessionId, MessageId messageId) {
        QueryConditional prefix = QueryConditional.sortBeginsWith(k -> k
                .partitionValue(MessagesTable.conversation(tenantId, sessionId))
                .sortValue(MessagesTable.messagePrefix(messageId)));
        return MessageMapping.toExchanges(query(tenantId, prefix)).stream().findFirst();
    }

    @Override
    public List<Exchange> conversation(TenantId tenantId, SessionId sessionId) {
        QueryConditional all = QueryConditional.keyEqualTo(
                k -> k.partitionValue(MessagesTable.conversation(tenantId, sessionId)));
        return MessageMapping.toExchanges(query(tenantId, all));
    }

    @Override
    public void markFailed(TenantId tenantId, SessionId sessionId, MessageId messageId, MessageError error, Instant at) {
        try {
            dynamo.client(tenantId).updateItem(u -> u.tableName(tables.messages())
                    .key(Map.of(MessagesTable.PK, s(MessagesTable.conversation(tenantId, sessionId)),
                            MessagesTable.SK, s(MessagesTable.userMessage(messageId))))
                    .updateExpression("SET #status = :failed, error_code = :code, error_message = :msg, updated_at = :at")
                    .conditionExpression("#status = :queued")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":failed", s("failed"), ":queued", s("queued"),
                            ":code", s(error.code()), ":msg", s(error.message()), ":at", s(at.toString()))));
        } catch (ConditionalCheckFailedException e) {
            // already picked up by a worker: its outcome stands
        }
    }

    /**
     * At most a few conditional {@code UpdateItem}s, each answering with the message as it was when its condition
     * failed: queued → cancelled (with {@value #CANCEL_REQUESTED}); else processing → processing with
     * {@value #CANCEL_REQUESTED} (kept from a first request); else the status tells the outcome. A status that moved
     * between two writes (queued → processing) is tried again.
     */
    @Override
    public CancelOutcome cancel(TenantId tenantId, SessionId sessionId, MessageId messageId, Instant at) {
        Map<String, AttributeValue> key = Map.of(MessagesTable.PK, s(MessagesTable.conversation(tenantId, sessionId)),
                MessagesTable.SK, s(MessagesTable.userMessage(messageId)));
        for (int attempt = 0; attempt < 3; attempt++) {
            Map<String, AttributeValue> found = cancelFrom(tenantId, key, "queued",
                    "SET #status = :cancelled, " + CANCEL_REQUESTED + " = :at, updated_at = :at", at);
            if (found == null) {
                return CancelOutcome.CANCELLED;
            }
            String status = found.containsKey("status") ? found.get("status").s() : null;
            if ("processing".equals(status)) {
                found = cancelFrom(tenantId, key, "processing",
                        "SET " + CANCEL_REQUESTED + " = if_not_exists(" + CANCEL_REQUESTED + ", :at)", at);
                if (found == null) {
                    return CancelOutcome.STOPPING;
                }
                status = found.containsKey("status") ? found.get("status").s() : null;
            }
            if (status == null || !tenantId.value().equals(found.get("tenant_id") == null ? null
                    : found.get("tenant_id").s())) {
                return CancelOutcome.NOT_FOUND;
            }
            switch (status) {
                case "cancelled" -> {
                    return CancelOutcome.ALREADY_CANCELLED;
                }
                case "completed", "failed" -> {
                    return CancelOutcome.FINISHED;
                }
                default -> {
                    // queued or processing again (a worker claimed it, a retry requeued it): try once more
                }
            }
        }
        throw new UnavailableException("message_busy", "the message changed while it was being stopped; please retry");
    }

    /** Applies {@code update} if the message is {@code from}; null when it did, else the message as it was. */
    private @Nullable Map<String, AttributeValue> cancelFrom(TenantId tenantId, Map<String, AttributeValue> key, String from,
            String update, Instant at) {
        try {
            dynamo.client(tenantId).updateItem(u -> u.tableName(tables.messages()).key(key)
                    .updateExpression(update)
                    .conditionExpression("#status = :from AND tenant_id = :tenant")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(values(update.contains(":cancelled"), from, tenantId, at))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return null;
        } catch (ConditionalCheckFailedException e) {
            return e.hasItem() ? e.item() : Map.of();
        }
    }

    private static Map<String, AttributeValue> values(boolean cancelling, String from, TenantId tenantId, Instant at) {
        Map<String, AttributeValue> values = new java.util.HashMap<>(Map.of(":from", s(from),
                ":tenant", s(tenantId.value()), ":at", s(at.toString())));
        if (cancelling) {
            values.put(":cancelled", s("cancelled"));
        }
        return values;
    }

    @Override
    public Optional<SessionBranches> branches(TenantId tenantId, UserId userId, SessionId sessionId) {
        Map<String, AttributeValue> item = dynamo.client(tenantId).getItem(g -> g.tableName(tables.sessions())
                .key(sessionKey(tenantId, userId, sessionId)).consistentRead(true)
                .projectionExpression("tenant_id, user_id, " + NewMessageItems.ACTIVE_LEAF + ", "
                        + NewMessageItems.ACTIVE_CHILDREN + ", " + NewMessageItems.TREE_VERSION + ", "
                        + Retention.EXPIRES_AT)).item();
        if (!ownedBy(item, tenantId, userId) || !Retention.live(item.containsKey(Retention.EXPIRES_AT)
                ? Long.valueOf(item.get(Retention.EXPIRES_AT).n()) : null, clock.instant())) {
            return Optional.empty();
        }
        AttributeValue leaf = item.get(NewMessageItems.ACTIVE_LEAF);
        AttributeValue choices = item.get(NewMessageItems.ACTIVE_CHILDREN);
        AttributeValue version = item.get(NewMessageItems.TREE_VERSION);
        Map<String, MessageId> chosen = new HashMap<>();
        if (choices != null && choices.hasM()) {
            choices.m().forEach((parent, child) -> chosen.put(parent, MessageId.of(child.s())));
        }
        return Optional.of(new SessionBranches(leaf == null ? null : MessageId.of(leaf.s()), chosen,
                version == null ? 0 : Long.parseLong(version.n())));
    }

    /**
     * One conditional {@code UpdateItem} of the session: the new last turn and choices, the version raised, on
     * condition the owner, the version and the last turn are as read (a turn added meanwhile moves the last turn).
     */
    @Override
    public void switchBranch(TenantId tenantId, UserId userId, SessionId sessionId, SessionBranches read,
            ConversationTree.Activation activation) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":tenant", s(tenantId.value()),
                ":user", s(userId.value()), ":leaf", s(activation.leaf().value()), ":one", AttributeValue.fromN("1")));
        String condition = "tenant_id = :tenant AND user_id = :user AND "
                + NewMessageItems.versionIs(read.version(), values) + " AND ";
        if (read.activeLeafOrNull() == null) {
            condition += "attribute_not_exists(" + NewMessageItems.ACTIVE_LEAF + ")";
        } else {
            condition += NewMessageItems.ACTIVE_LEAF + " = :read_leaf";
            values.put(":read_leaf", s(read.activeLeafOrNull().value()));
        }
        String update = "SET " + NewMessageItems.ACTIVE_LEAF + " = :leaf";
        if (activation.choices().isEmpty()) {
            update += " REMOVE " + NewMessageItems.ACTIVE_CHILDREN;
        } else {
            update += ", " + NewMessageItems.ACTIVE_CHILDREN + " = :choices";
            values.put(":choices", NewMessageItems.choices(activation.choices()));
        }
        String expression = update + " ADD " + NewMessageItems.TREE_VERSION + " :one";
        String onCondition = condition;
        try {
            dynamo.client(tenantId).updateItem(u -> u.tableName(tables.sessions())
                    .key(sessionKey(tenantId, userId, sessionId))
                    .updateExpression(expression)
                    .conditionExpression(onCondition)
                    .expressionAttributeValues(values)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
        } catch (ConditionalCheckFailedException e) {
            if (e.hasItem() && ownedBy(e.item(), tenantId, userId)) {
                throw new BranchesMovedException();
            }
            throw new NotFoundException("session_not_found", "no such session");
        }
    }

    private static Map<String, AttributeValue> sessionKey(TenantId tenantId, UserId userId, SessionId sessionId) {
        return Map.of("session_key", s(ChatSession.keyOf(tenantId, userId, sessionId)));
    }

    private static boolean ownedBy(@Nullable Map<String, AttributeValue> item, TenantId tenantId, UserId userId) {
        return item != null && item.containsKey("tenant_id") && tenantId.value().equals(item.get("tenant_id").s())
                && item.containsKey("user_id") && userId.value().equals(item.get("user_id").s());
    }

    @Override
    public boolean requeueFailed(TenantId tenantId, SessionId sessionId, MessageId messageId, Instant at) {
        try {
            dynamo.client(tenantId).updateItem(u -> u.tableName(tables.messages())
                    .key(Map.of(MessagesTable.PK, s(MessagesTable.conversation(tenantId, sessionId)),
                            MessagesTable.SK, s(MessagesTable.userMessage(messageId))))
                    .updateExpression("SET #status = :queued, requeued_attempts = if_not_exists(attempts, :zero), "
                            + "updated_at = :at REMOVE error_code, error_message")
                    .conditionExpression("#status = :failed AND tenant_id = :tenant")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":failed", s("failed"), ":queued", s("queued"),
                            ":zero", AttributeValue.fromN("0"), ":tenant", s(tenantId.value()), ":at", s(at.toString()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private List<MessageItem> query(TenantId tenantId, QueryConditional condition) {
        Instant now = clock.instant();
        return messages(tenantId).query(q -> q.queryConditional(condition).consistentRead(true)).items().stream()
                .filter(item -> tenantId.value().equals(item.getTenantId()) && Retention.live(item.getExpiresAt(), now))
                .toList();
    }

    private DynamoDbTable<MessageItem> messages(TenantId tenantId) {
        return dynamo.enhanced(tenantId).table(tables.messages(), MESSAGE_SCHEMA);
    }

    private DynamoDbTable<MessageRefItem> refs(TenantId tenantId) {
        return dynamo.enhanced(tenantId).table(tables.messages(), REF_SCHEMA);
    }

    private static boolean failedCondition(TransactionCanceledException e, int index) {
        List<CancellationReason> reasons = e.cancellationReasons();
        return reasons.size() > index && "ConditionalCheckFailed".equals(reasons.get(index).code());
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static List<TransactWriteItem> withIdempotency(List<TransactWriteItem> writes, TransactWriteItem key) {
        List<TransactWriteItem> all = new ArrayList<>(writes);
        all.add(key);
        return all;
    }
}
