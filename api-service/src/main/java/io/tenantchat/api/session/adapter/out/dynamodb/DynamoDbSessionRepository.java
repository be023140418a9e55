package io.tenantchat.api.session.adapter.out.dynamodb;

import io.tenantchat.api.config.TableProperties;
import io.tenantchat.api.credentials.TenantDynamoDb;
import io.tenantchat.api.session.application.PageQuery;
import io.tenantchat.api.session.application.SessionPage;
import io.tenantchat.api.session.application.SessionRepository;
import io.tenantchat.api.session.domain.ChatSession;
import io.tenantchat.api.session.domain.SessionTitle;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.DeleteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.UpdateItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** Sessions in DynamoDB. Reads re-check tenant (and user) on the item, not just the key; no Scan anywhere. */
@Component
class DynamoDbSessionRepository implements SessionRepository {

    private static final TableSchema<SessionItem> SCHEMA = TableSchema.fromBean(SessionItem.class);

    private final TenantDynamoDb dynamo;
    private final String tableName;

    DynamoDbSessionRepository(TenantDynamoDb dynamo, TableProperties tables) {
        this.dynamo = dynamo;
        this.tableName = tables.sessions();
    }

    private DynamoDbTable<SessionItem> table(TenantId tenantId) {
        return dynamo.enhanced(tenantId).table(tableName, SCHEMA);
    }

    @Override
    public void create(ChatSession session) {
        table(session.tenantId()).putItem(PutItemEnhancedRequest.builder(SessionItem.class)
                .item(toItem(session))
                .conditionExpression(Expression.builder().expression("attribute_not_exists(session_key)").build())
                .build());
    }

    @Override
    public Optional<ChatSession> find(TenantId tenantId, UserId userId, SessionId sessionId) {
        Key key = Key.builder().partitionValue(ChatSession.keyOf(tenantId, userId, sessionId)).build();
        return Optional.ofNullable(table(tenantId).getItem(r -> r.key(key).consistentRead(true)))
                .filter(item -> tenantId.value().equals(item.getTenantId()) && userId.value().equals(item.getUserId()))
                .map(DynamoDbSessionRepository::toSession);
    }

    @Override
    public Optional<ChatSession> rename(TenantId tenantId, UserId userId, SessionId sessionId, SessionTitle title) {
        SessionItem change = new SessionItem();
        change.setSessionKey(ChatSession.keyOf(tenantId, userId, sessionId));
        change.setTitle(title.value());
        try {
            return Optional.of(toSession(table(tenantId).updateItem(UpdateItemEnhancedRequest.builder(SessionItem.class)
                    .item(change)
                    .ignoreNulls(true)
                    .conditionExpression(ownedBy(tenantId, userId))
                    .build())));
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean delete(TenantId tenantId, UserId userId, SessionId sessionId) {
        Key key = Key.builder().partitionValue(ChatSession.keyOf(tenantId, userId, sessionId)).build();
        try {
            table(tenantId).deleteItem(DeleteItemEnhancedRequest.builder().key(key)
                    .conditionExpression(ownedBy(tenantId, userId))
                    .build());
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
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
        return item;
    }

    private static ChatSession toSession(SessionItem item) {
        return new ChatSession(TenantId.of(item.getTenantId()), UserId.of(item.getUserId()),
                SessionId.of(item.getSessionId()), Instant.parse(item.getCreatedAt()),
                Instant.parse(item.getLastActivity()), item.getMessageCount() == null ? 0 : item.getMessageCount(),
                item.getTitle());
    }
}
