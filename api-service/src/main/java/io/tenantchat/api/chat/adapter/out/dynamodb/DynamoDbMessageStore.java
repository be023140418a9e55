package io.tenantchat.api.chat.adapter.out.dynamodb;

import io.tenantchat.api.chat.application.ConversationPage;
import io.tenantchat.api.chat.application.MessageStore;
import io.tenantchat.api.chat.domain.ChatMessage;
import io.tenantchat.api.chat.domain.Exchange;
import io.tenantchat.api.chat.domain.IdempotencyKey;
import io.tenantchat.api.chat.domain.MessageError;
import io.tenantchat.api.chat.domain.MessageRef;
import io.tenantchat.api.config.TableProperties;
import io.tenantchat.api.credentials.TenantDynamoDb;
import io.tenantchat.api.error.NotFoundException;
import io.tenantchat.api.error.UnavailableException;
import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Messages in DynamoDB; a new message, its lookup item and the session counter are written in one transaction. */
@Component
class DynamoDbMessageStore implements MessageStore {

    private static final TableSchema<MessageItem> MESSAGE_SCHEMA = TableSchema.fromBean(MessageItem.class);
    private static final TableSchema<MessageRefItem> REF_SCHEMA = TableSchema.fromBean(MessageRefItem.class);
    private static final int SESSION_UPDATE = NewMessageItems.SESSION_UPDATE;
    private static final int IDEMPOTENCY_PUT = 3;

    private final TenantDynamoDb dynamo;
    private final TableProperties tables;
    private final NewMessageItems newMessage;
    private final IdempotencyItems idempotency;
    private final Clock clock;

    DynamoDbMessageStore(TenantDynamoDb dynamo, TableProperties tables, Clock clock) {
        this.dynamo = dynamo;
        this.tables = tables;
        this.idempotency = new IdempotencyItems(tables.messages());
        this.newMessage = new NewMessageItems(tables.messages(), tables.sessions());
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
                    .transactItems(withIdempotency(newMessage.of(message),
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
    public ConversationPage conversationPage(TenantId tenantId, SessionId sessionId, MessageId afterOrNull,
            int limit) {
        String pk = MessageKeys.conversation(tenantId, sessionId);
        QueryConditional range = afterOrNull == null
                ? QueryConditional.keyEqualTo(k -> k.partitionValue(pk))
                : QueryConditional.sortGreaterThan(k -> k.partitionValue(pk).sortValue(afterOrNull.value() + MessageKeys.REPLY_SUFFIX));
        List<MessageItem> items = new ArrayList<>();
        int users = 0;
        for (MessageItem item : (Iterable<MessageItem>) messages(tenantId).query(q -> q.queryConditional(range)
                .consistentRead(true).limit(Math.min(2 * limit + 2, 1_000))).items()::iterator) {
            if (!tenantId.value().equals(item.getTenantId())) {
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
        Key key = Key.builder().partitionValue(MessageKeys.ref(tenantId, messageId)).sortValue(MessageKeys.REF_SORT_KEY).build();
        return Optional.ofNullable(refs(tenantId).getItem(r -> r.key(key).consistentRead(true)))
                .filter(item -> tenantId.value().equals(item.getTenantId()))
                .map(MessageMapping::toRef);
    }

    @Override
    public Optional<Exchange> findExchange(TenantId tenantId, SessionId sessionId, MessageId messageId) {
        QueryConditional prefix = QueryConditional.sortBeginsWith(k -> k
                .partitionValue(MessageKeys.conversation(tenantId, sessionId)).sortValue(messageId.value() + "#"));
        return MessageMapping.toExchanges(query(tenantId, prefix)).stream().findFirst();
    }

    @Override
    public List<Exchange> conversation(TenantId tenantId, SessionId sessionId) {
        QueryConditional all = QueryConditional.keyEqualTo(k -> k.partitionValue(MessageKeys.conversation(tenantId, sessionId)));
        return MessageMapping.toExchanges(query(tenantId, all));
    }

    @Override
    public void markFailed(TenantId tenantId, SessionId sessionId, MessageId messageId, MessageError error, Instant at) {
        try {
            dynamo.client(tenantId).updateItem(u -> u.tableName(tables.messages())
                    .key(Map.of("pk", s(MessageKeys.conversation(tenantId, sessionId)), "sk", s(MessageKeys.userMessage(messageId))))
                    .updateExpression("SET #status = :failed, error_code = :code, error_message = :msg, updated_at = :at")
                    .conditionExpression("#status = :queued")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":failed", s("failed"), ":queued", s("queued"),
                            ":code", s(error.code()), ":msg", s(error.message()), ":at", s(at.toString()))));
        } catch (ConditionalCheckFailedException e) {
            // already picked up by a worker: its outcome stands
        }
    }

    @Override
    public boolean requeueFailed(TenantId tenantId, SessionId sessionId, MessageId messageId, Instant at) {
        try {
            dynamo.client(tenantId).updateItem(u -> u.tableName(tables.messages())
                    .key(Map.of("pk", s(MessageKeys.conversation(tenantId, sessionId)), "sk", s(MessageKeys.userMessage(messageId))))
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
        return messages(tenantId).query(q -> q.queryConditional(condition).consistentRead(true)).items().stream()
                .filter(item -> tenantId.value().equals(item.getTenantId()))
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
