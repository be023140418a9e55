package io.tenantchat.api.erasure.adapter.out.dynamodb;

import static io.tenantchat.api.erasure.adapter.out.dynamodb.JobItems.s;
import static io.tenantchat.api.erasure.adapter.out.dynamodb.JobItems.text;

import io.tenantchat.api.credentials.TenantDynamoDb;
import io.tenantchat.api.erasure.adapter.out.dynamodb.CountedDeletes.Counted;
import io.tenantchat.api.erasure.application.ErasureData;
import io.tenantchat.api.erasure.config.ErasureProperties;
import io.tenantchat.api.erasure.domain.Counts;
import io.tenantchat.api.erasure.domain.JobLease;
import io.tenantchat.api.erasure.domain.SessionRef;
import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.UserId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The subject tenant's items in the sessions, messages and tenants tables, every call signed for that tenant. Keys
 * are built from the subject's tenant only, and an item read whose {@code tenant_id} is another's is skipped. Lists
 * come from queries (the sessions table's two GSIs, a conversation's partition, the tenant's partition), never a
 * scan; each delete batch is one transaction with the job's counters ({@link CountedDeletes}).
 */
@Component
class DynamoDbErasureData implements ErasureData {

    private static final String BY_USER = "tenant_user-created_at-index";
    private static final String BY_TENANT = "tenant_id-created_at-index";
    private static final Set<String> UNFINISHED = Set.of("queued", "processing");

    private final TenantDynamoDb dynamo;
    private final ErasureProperties.Tables tables;
    private final CountedDeletes deletes;

    DynamoDbErasureData(TenantDynamoDb dynamo, ErasureProperties properties, Clock clock) {
        this.dynamo = dynamo;
        this.tables = properties.tables();
        this.deletes = new CountedDeletes(tables.jobs(), clock, properties.lease());
    }

    @Override
    public List<SessionRef> sessions(TenantId tenantId, Optional<UserId> user) {
        QueryRequest query = user.map(u -> QueryRequest.builder().tableName(tables.sessions()).indexName(BY_USER)
                        .keyConditionExpression("tenant_user = :k")
                        .expressionAttributeValues(Map.of(":k", s(tenantId.value() + "#" + u.value()))))
                .orElseGet(() -> QueryRequest.builder().tableName(tables.sessions()).indexName(BY_TENANT)
                        .keyConditionExpression("tenant_id = :k")
                        .expressionAttributeValues(Map.of(":k", s(tenantId.value()))))
                .projectionExpression("session_key, tenant_id, user_id, session_id").build();
        return dynamo.client(tenantId).queryPaginator(query).items().stream()
                .filter(item -> tenantId.value().equals(text(item, "tenant_id")))
                .filter(item -> user.map(u -> u.value().equals(text(item, "user_id"))).orElse(true))
                .filter(item -> UserId.isValid(text(item, "user_id")) && SessionId.isValid(text(item, "session_id")))
                .map(item -> new SessionRef(tenantId, UserId.of(text(item, "user_id")), SessionId.of(text(item, "session_id"))))
                .toList();
    }

    @Override
    public List<MessageId> unfinished(TenantId tenantId, SessionRef session) {
        return conversation(session).filter(item -> "user".equals(text(item, "role"))
                        && UNFINISHED.contains(String.valueOf(text(item, "status"))) && item.containsKey("message_id"))
                .map(item -> MessageId.of(text(item, "message_id"))).toList();
    }

    /**
     * Each item of the session's partition; with each user message, in the same transaction, its lookup item and
     * the idempotency item named by its {@code idempotency_pk} (only if it still names this message).
     */
    @Override
    public void eraseConversation(JobLease lease, SessionRef session) {
        String tenant = session.tenantId().value();
        List<List<Counted>> groups = new ArrayList<>();
        conversation(session).forEach(item -> {
            List<Counted> group = new ArrayList<>();
            String messageId = text(item, "message_id");
            if ("user".equals(text(item, "role")) && messageId != null) {
                group.add(counted(tables.messages(), key("pk", tenant + "#message#" + messageId, "sk", "ref"),
                        "attribute_exists(pk) AND tenant_id = :t", Map.of(":t", s(tenant)), Counts.LOOKUPS, null));
                String idempotency = text(item, "idempotency_pk");
                if (idempotency != null && idempotency.startsWith(tenant + "#idem#")) {
                    group.add(counted(tables.messages(), key("pk", idempotency, "sk", "ref"),
                            "attribute_exists(pk) AND tenant_id = :t AND message_id = :m",
                            Map.of(":t", s(tenant), ":m", s(messageId)), Counts.IDEMPOTENCY_ITEMS, null));
                }
            }
            group.add(counted(tables.messages(), key("pk", text(item, "pk"), "sk", text(item, "sk")),
                    "attribute_exists(pk) AND tenant_id = :t", Map.of(":t", s(tenant)), Counts.MESSAGES, null));
            groups.add(group);
        });
        deletes.run(dynamo.client(lease.tenantId()), lease, groups);
    }

    @Override
    public void eraseSession(JobLease lease, SessionRef session) {
        String key = session.tenantId().value() + "#" + session.userId().value() + "#" + session.sessionId().value();
        deletes.run(dynamo.client(lease.tenantId()), lease, List.of(List.of(counted(tables.sessions(),
                Map.of("session_key", s(key)), "attribute_exists(session_key) AND tenant_id = :t",
                Map.of(":t", s(session.tenantId().value())), Counts.SESSIONS, session.userId()))));
    }

    @Override
    public void eraseCounters(JobLease lease, Set<UserId> users) {
        List<List<Counted>> groups = users.stream().map(user -> List.of(counted(tables.sessions(),
                Map.of("session_key", s(lease.tenantId().value() + "#" + user.value() + "#session-count")),
                "attribute_exists(session_key)", Map.of(), Counts.SESSION_COUNTERS, null))).toList();
        deletes.run(dynamo.client(lease.tenantId()), lease, groups);
    }

    @Override
    public Set<UserId> usersSeen(JobLease lease) {
        Map<String, AttributeValue> job = dynamo.client(lease.tenantId()).getItem(g -> g.tableName(tables.jobs())
                .key(JobItems.key(lease.tenantId(), lease.jobId().value())).consistentRead(true)).item();
        AttributeValue users = job == null ? null : job.get("users");
        Set<UserId> seen = new LinkedHashSet<>();
        if (users != null && users.hasSs()) {
            users.ss().stream().filter(UserId::isValid).map(UserId::of).forEach(seen::add);
        }
        return seen;
    }

    @Override
    public void eraseTenantItems(JobLease lease) {
        String tenant = lease.tenantId().value();
        List<List<Counted>> groups = dynamo.client(lease.tenantId()).queryPaginator(q -> q.tableName(tables.tenants())
                        .keyConditionExpression("tenant_id = :t").expressionAttributeValues(Map.of(":t", s(tenant)))
                        .projectionExpression("tenant_id, sk").consistentRead(true))
                .items().stream()
                .filter(item -> tenant.equals(text(item, "tenant_id")))
                .map(item -> List.of(counted(tables.tenants(), key("tenant_id", tenant, "sk", text(item, "sk")),
                        "attribute_exists(sk)", Map.of(), Counts.TENANT_ITEMS, null)))
                .toList();
        deletes.run(dynamo.client(lease.tenantId()), lease, groups);
    }

    private Stream<Map<String, AttributeValue>> conversation(SessionRef session) {
        String tenant = session.tenantId().value();
        return dynamo.client(session.tenantId()).queryPaginator(q -> q.tableName(tables.messages())
                        .keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", s(tenant + "#" + session.sessionId().value())))
                        .projectionExpression("pk, sk, tenant_id, message_id, #role, #status, idempotency_pk")
                        .expressionAttributeNames(Map.of("#role", "role", "#status", "status"))
                        .consistentRead(true))
                .items().stream().filter(item -> tenant.equals(text(item, "tenant_id")));
    }

    private static Counted counted(String table, Map<String, AttributeValue> key, String condition,
            Map<String, AttributeValue> values, String counter, @Nullable UserId user) {
        Delete.Builder delete = Delete.builder().tableName(table).key(key).conditionExpression(condition);
        if (!values.isEmpty()) {
            delete.expressionAttributeValues(values);
        }
        return new Counted(delete.build(), counter, user);
    }

    private static Map<String, AttributeValue> key(String hash, @Nullable String hashValue, String range,
            @Nullable String rangeValue) {
        Map<String, AttributeValue> key = new HashMap<>();
        key.put(hash, s(String.valueOf(hashValue)));
        key.put(range, s(String.valueOf(rangeValue)));
        return key;
    }
}
