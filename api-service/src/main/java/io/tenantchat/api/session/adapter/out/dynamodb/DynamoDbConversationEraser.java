package io.tenantchat.api.session.adapter.out.dynamodb;

import io.tenantchat.api.session.config.SessionTableProperties;
import io.tenantchat.api.credentials.TenantDynamoDb;
import io.tenantchat.api.session.application.ConversationEraser;
import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Deletes a conversation's items from the messages table (layout in docs/architecture.md): every item of the
 * partition {@code {tenant_id}#{session_id}} and, for each user message, its lookup item
 * {@code {tenant_id}#message#{message_id}}. Only keys built from the caller's tenant are touched; items whose
 * {@code tenant_id} differs are left alone. Idempotency items expire on their own (24 h).
 */
@Component
class DynamoDbConversationEraser implements ConversationEraser {

    private static final int BATCH = 25;
    private static final int MAX_ROUNDS = 10;
    private static final Set<String> UNFINISHED = Set.of("queued", "processing");

    private final TenantDynamoDb dynamo;
    private final String table;

    DynamoDbConversationEraser(TenantDynamoDb dynamo, SessionTableProperties tables) {
        this.dynamo = dynamo;
        this.table = tables.messages();
    }

    @Override
    public List<MessageId> erase(TenantId tenantId, SessionId sessionId) {
        QueryRequest query = QueryRequest.builder().tableName(table)
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(tenantId.value() + "#" + sessionId.value())))
                .projectionExpression("pk, sk, tenant_id, message_id, #role, #status")
                .expressionAttributeNames(Map.of("#role", "role", "#status", "status"))
                .consistentRead(true)
                .build();
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        List<MessageId> unfinished = new ArrayList<>();
        dynamo.client(tenantId).queryPaginator(query).items().stream()
                .filter(item -> tenantId.value().equals(text(item, "tenant_id")))
                .forEach(item -> {
                    keys.add(key(required(item, "pk"), required(item, "sk")));
                    if ("user".equals(text(item, "role")) && item.containsKey("message_id")) {
                        keys.add(key(tenantId.value() + "#message#" + text(item, "message_id"), "ref"));
                        if (item.containsKey("status") && UNFINISHED.contains(text(item, "status"))) {
                            unfinished.add(MessageId.of(text(item, "message_id")));
                        }
                    }
                });
        for (int i = 0; i < keys.size(); i += BATCH) {
            deleteAll(tenantId, keys.subList(i, Math.min(keys.size(), i + BATCH)));
        }
        return unfinished;
    }

    private void deleteAll(TenantId tenantId, List<Map<String, AttributeValue>> keys) {
        List<WriteRequest> pending = keys.stream()
                .map(key -> WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(key).build()).build())
                .toList();
        for (int round = 0; !pending.isEmpty(); round++) {
            if (round == MAX_ROUNDS) {
                throw new IllegalStateException("DynamoDB left " + pending.size() + " deletes unprocessed");
            }
            Map<String, List<WriteRequest>> batch = Map.of(table, pending);
            pending = dynamo.client(tenantId).batchWriteItem(b -> b.requestItems(batch)).unprocessedItems()
                    .getOrDefault(table, List.of());
        }
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk));
    }

    private static @Nullable String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    /** The table's key attributes: every item has them. */
    private static String required(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null) {
            throw new IllegalStateException("messages item without " + name);
        }
        return value.s();
    }
}
