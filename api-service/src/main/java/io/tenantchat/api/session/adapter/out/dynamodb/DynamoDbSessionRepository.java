package io.tenantchat.api.session.adapter.out.dynamodb;

import io.tenantchat.api.session.config.SessionTableProperties;
import io.tenantchat.api.credentials.TenantDynamoDb;
import io.tenantchat.api.error.UnavailableException;
import io.tenantchat.api.session.application.PageQuery;
import io.tenantchat.api.session.application.SessionPage;
import io.tenantchat.api.session.application.SessionRepository;
import io.tenantchat.api.session.domain.ChatSession;
import io.tenantchat.api.session.domain.SessionTitle;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.UserId;
import io.tenantchat.shared.table.Retention;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.UpdateItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Sessions in DynamoDB. Reads re-check tenant (and user) on the item, not just the key, and leave out expired
 * sessions ({@link Retention}: DynamoDB deletes them only some time later); no Scan anywhere.
 */
@Component
class DynamoDbSessionRepository implements SessionRepository {

    private static final TableSchema<SessionItem> SCHEMA = TableSchema.fromBean(SessionItem.class);
    /** On the counter item: how many sessions the user holds. */
    static final String SESSION_COUNT = "session_count";
    /** On a session item: it was added to its user's counter (so its delete takes one off). */
    static final String COUNTED = "counted";
    private static final int ATTEMPTS = 8;

    private final TenantDynamoDb dynamo;
    private final String tableName;
    private final Clock clock;

    DynamoDbSessionRepository(TenantDynamoDb dynamo, SessionTableProperties tables) {
        this(dynamo, tables, Clock.systemUTC());
    }

    @Autowired
    DynamoDbSessionRepository(TenantDynamoDb dynamo, SessionTableProperties tables, Clock clock) {
        this.dynamo = dynamo;
        this.tableName = tables.sessions();
        this.clock = clock;
    }

    private boolean live(SessionItem item) {
        return Retention.live(item.getExpiresAt(), clock.instant());
    }

    private DynamoDbTable<SessionItem> table(TenantId tenantId) {
        return dynamo.enhanced(tenantId).table(tableName, SCHEMA);
    }

    /**
     * One {@code TransactWriteItems}: the session (it must not exist) and its user's counter item, incremented only
     * while below {@code maxSessionsOfUser}. Both or neither are written, so concurrent creates on any number of
     * api instances never take the user past the cap.
     */
    @Override
    public boolean create(ChatSession session, int maxSessionsOfUser) {
        Map<String, AttributeValue> item = new HashMap<>(SCHEMA.itemToMap(toItem(session), true));
        item.put(COUNTED, AttributeValue.fromBool(true));
        TransactWriteItem put = TransactWriteItem.builder().put(p -> p.tableName(tableName).item(item)
                .conditionExpression("attribute_not_exists(session_key)")).build();
        TransactWriteItem count = TransactWriteItem.builder().update(u -> u.tableName(tableName)
                .key(counterKey(session.tenantId(), session.userId()))
                .updateExpression("ADD " + SESSION_COUNT + " :one")
                .conditionExpression("attribute_not_exists(" + SESSION_COUNT + ") OR " + SESSION_COUNT + " < :max")
                .expressionAttributeValues(Map.of(":one", number(1), ":max", number(maxSessionsOfUser)))).build();
        for (int attempt = 1; ; attempt++) {
            try {
                dynamo.client(session.tenantId()).transactWriteItems(t -> t.transactItems(put, count));
                return true;
            } catch (TransactionCanceledException e) {
                if (failedCondition(e, 0)) {
                    throw ConditionalCheckFailedException.builder().message("session " + session.sessionId()
                            + " exists already").build();
                }
                if (failedCondition(e, 1)) {
                    return false;
                }
                retryAfterConflict(attempt, e);
            }
        }
    }

    /**
     * One conditional put, no counter: a session of kind {@code api} is one request, bounded by the tenant's message
     * quotas rather than the per-user session cap (its delete takes nothing off the counter: it is not
     * {@code counted}).
     */
    @Override
    public boolean createUncounted(ChatSession session) {
        try {
            table(session.tenantId()).putItem(p -> p.item(toItem(session))
                    .conditionExpression(Expression.builder().expression("attribute_not_exists(session_key)").build()));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** The user's counter: how many sessions the cap sees (tests hold it against the sessions listed). */
    long countForUser(TenantId tenantId, UserId userId) {
        Map<String, AttributeValue> counter = dynamo.client(tenantId).getItem(g -> g.tableName(tableName)
                .key(counterKey(tenantId, userId)).consistentRead(true)).item();
        AttributeValue count = counter == null ? null : counter.get(SESSION_COUNT);
        return count == null ? 0 : Long.parseLong(count.n());
    }

    @Override
    public Optional<ChatSession> find(TenantId tenantId, UserId userId, SessionId sessionId) {
        Key key = Key.builder().partitionValue(ChatSession.keyOf(tenantId, userId, sessionId)).build();
        return Optional.ofNullable(table(tenantId).getItem(r -> r.key(key).consistentRead(true)))
                .filter(item -> tenantId.value().equals(item.getTenantId()) && userId.value().equals(item.getUserId()))
                .filter(this::live)
                .map(DynamoDbSessionRepository::toSession);
    }

    @Override
    public Optional<ChatSession> rename(TenantId tenantId, UserId userId, SessionId sessionId, SessionTitle title) {
        SessionItem change = new SessionItem();
        change.setSessionKey(ChatSession.keyOf(tenantId, userId, sessionId));
        change.setTitle(title.value());
        try {
            return Optional.of(table(tenantId).updateItem(UpdateItemEnhancedRequest.builder(SessionItem.class)
                    .item(change)
                    .ignoreNulls(true)
                    .conditionExpression(ownedBy(tenantId, userId))
                    .build())).filter(this::live).map(DynamoDbSessionRepository::toSession);
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    /**
     * The session and one off its user's counter in one {@code TransactWriteItems}. A session stored before the
     * counter existed (no {@code counted} flag) is deleted alone, so the counter only ever counts what it added.
     */
    @Override
    public boolean delete(TenantId tenantId, UserId userId, SessionId sessionId) {
        Map<String, AttributeValue> key = Map.of("session_key",
                AttributeValue.fromS(ChatSession.keyOf(tenantId, userId, sessionId)));
        Expression owned = ownedBy(tenantId, userId);
        TransactWriteItem delete = TransactWriteItem.builder().delete(d -> d.tableName(tableName).key(key)
                .conditionExpression(owned.expression() + " AND " + COUNTED + " = :counted")
                .expressionAttributeValues(with(owned.expressionValues(), ":counted", AttributeValue.fromBool(true))))
                .build();
        TransactWriteItem uncount = TransactWriteItem.builder().update(u -> u.tableName(tableName)
                .key(counterKey(tenantId, userId))
                .updateExpression("ADD " + SESSION_COUNT + " :minus")
                .expressionAttributeValues(Map.of(":minus", number(-1)))).build();
        for (int attempt = 1; ; attempt++) {
            try {
                dynamo.client(tenantId).transactWriteItems(t -> t.transactItems(delete, uncount));
                return true;
            } catch (TransactionCanceledException e) {
                if (failedCondition(e, 0)) {
                    return deleteUncounted(tenantId, key, owned);
                }
                retryAfterConflict(attempt, e);
            }
        }
    }

    /** A session without the {@code counted} flag (stored before the per-user counter): the counter stays. */
    private boolean deleteUncounted(TenantId tenantId, Map<String, AttributeValue> key, Expression owned) {
        try {
            dynamo.client(tenantId).deleteItem(d -> d.tableName(tableName).key(key)
                    .conditionExpression(owned.expression() + " AND attribute_not_exists(" + COUNTED + ")")
                    .expressionAttributeValues(owned.expressionValues()));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** {@link ChatSession#userCounterKeyOf}; it carries neither {@code tenant_id} nor {@code tenant_user}, so no index sees it. */
    static Map<String, AttributeValue> counterKey(TenantId tenantId, UserId userId) {
        return Map.of("session_key", AttributeValue.fromS(ChatSession.userCounterKeyOf(tenantId, userId)));
    }

    private static boolean failedCondition(TransactionCanceledException e, int item) {
        return e.hasCancellationReasons() && e.cancellationReasons().size() > item
                && "ConditionalCheckFailed".equals(e.cancellationReasons().get(item).code());
    }

    /** Another transaction on the same items (the user's counter): try again a few times, then 503. */
    private static void retryAfterConflict(int attempt, TransactionCanceledException e) {
        if (attempt >= ATTEMPTS) {
            throw new UnavailableException("sessions_busy", "too many concurrent session changes; please retry");
        }
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt + 10));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("sessions_busy", "interrupted; please retry");
        }
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static Map<String, AttributeValue> with(Map<String, AttributeValue> values, String name,
            AttributeValue value) {
        Map<String, AttributeValue> all = new HashMap<>(values);
        all.put(name, value);
        return all;
    }

    /** The item exists and belongs to the tenant and user (a missing item fails the condition too). */
    private static Expression ownedBy(TenantId tenantId, UserId userId) {
        return Expression.builder()
                .expression("tenant_id = :tenant AND user_id = :user")
                .putExpressionValue(":tenant", AttributeValue.fromS(tenantId.value()))
                .putExpressionValue(":user", AttributeValue.fromS(userId.value()))
                .build();
    }

    @Override
    public List<ChatSession> listForUser(TenantId tenantId, UserId userId, int limit) {
        QueryEnhancedRequest query = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.keyEqualTo(k -> k.partitionValue(tenantUser(tenantId, userId))))
                .scanIndexForward(false)
                .limit(limit)
                .build();
        return table(tenantId).index(SessionItem.BY_USER_INDEX).query(query).stream()
                .flatMap(page -> page.items().stream())
                .filter(item -> tenantId.value().equals(item.getTenantId()))
                .filter(this::live)
                .limit(limit)
                .map(DynamoDbSessionRepository::toSession)
                .toList();
    }

    @Override
    public SessionPage listForTenant(TenantId tenantId, PageQuery page) {
        QueryEnhancedRequest.Builder query = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.keyEqualTo(k -> k.partitionValue(tenantId.value())))
                .scanIndexForward(false)
                .limit(page.limit());
        if (page.cursor() != null) {
            query.exclusiveStartKey(SessionCursor.decode(tenantId, page.cursor()));
        }
        Page<SessionItem> first = table(tenantId).index(SessionItem.BY_TENANT_INDEX).query(query.build()).iterator()
                .next();
        List<ChatSession> sessions = first.items().stream()
                .filter(item -> tenantId.value().equals(item.getTenantId()))
                .filter(this::live)
                .map(DynamoDbSessionRepository::toSession)
                .toList();
        Map<String, AttributeValue> last = first.lastEvaluatedKey();
        return new SessionPage(sessions, last == null || last.isEmpty() ? null : SessionCursor.encode(last));
    }

    static String tenantUser(TenantId tenantId, UserId userId) {
        return tenantId.value() + "#" + userId.value();
    }

    private static SessionItem toItem(ChatSession s) {
        SessionItem item = new SessionItem();
        item.setSessionKey(s.sessionKey());
        item.setTenantId(s.tenantId().value());
        item.setUserId(s.userId().value());
        item.setSessionId(s.sessionId().value());
        item.setTenantUser(tenantUser(s.tenantId(), s.userId()));
        item.setCreatedAt(s.createdAt().toString());
        item.setLastActivity(s.lastActivity().toString());
        item.setMessageCount(s.messageCount());
        item.setTitle(s.title());
        item.setKind(s.kind());
        return item;
    }

    private static ChatSession toSession(SessionItem item) {
        Long messageCount = item.getMessageCount();
        return new ChatSession(TenantId.of(item.getTenantId()), UserId.of(item.getUserId()),
                SessionId.of(item.getSessionId()), Instant.parse(required(item.getCreatedAt(), "created_at")),
                Instant.parse(required(item.getLastActivity(), "last_activity")),
                messageCount == null ? 0 : messageCount, item.getTitle(),
                item.getKind() == null ? ChatSession.CHAT : item.getKind());
    }

    /** An attribute every session item has; one without it is malformed. */
    private static String required(@Nullable String value, String attribute) {
        if (value == null) {
            throw new IllegalStateException("session item without " + attribute);
        }
        return value;
    }
}
