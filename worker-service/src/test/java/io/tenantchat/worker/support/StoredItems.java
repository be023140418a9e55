package io.tenantchat.worker.support;

import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.UserId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Writes and reads items shaped as docs/architecture.md describes them, as api-service writes them: one session
 * of one user, with its user messages and replies.
 */
public final class StoredItems {

    public static final String SESSIONS = "tenant-sessions";
    public static final String MESSAGES = "tenant-messages";
    private static final String CREATED_AT = "2026-11-29T12:00:00.123Z";

    private final DynamoDbClient dynamoDb;
    public final TenantId tenant;
    public final UserId user = UserId.of("6f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f");
    public final SessionId session = SessionId.random();
    private Instant idTime = Instant.now();

    public StoredItems(DynamoDbClient dynamoDb) {
        this(dynamoDb, TenantId.of("tenant-001"));
    }

    public StoredItems(DynamoDbClient dynamoDb, TenantId tenant) {
        this.dynamoDb = dynamoDb;
        this.tenant = tenant;
    }

    public StoredItems withSession(int messageCount) {
        dynamoDb.putItem(r -> r.tableName(SESSIONS).item(Map.of(
                "session_key", s(sessionKey()), "tenant_id", s(tenant.value()), "user_id", s(user.value()),
                "session_id", s(session.value()), "tenant_user", s(tenant.value() + "#" + user.value()),
                "created_at", s(CREATED_AT), "last_activity", s(CREATED_AT), "message_count", n(messageCount))));
        return this;
    }

    /** A user message with {@code status}; its id is newer than every id handed out before. */
    public MessageId userMessage(String content, String status) {
        idTime = idTime.plusMillis(1);
        MessageId id = MessageId.next(Clock.fixed(idTime, ZoneOffset.UTC));
        Map<String, AttributeValue> item = new HashMap<>(common(id, "#1", "user", content, status));
        item.putAll(Map.of("attempts", n(0), "updated_at", s(CREATED_AT)));
        dynamoDb.putItem(r -> r.tableName(MESSAGES).item(item));
        return id;
    }

    /**
     * A user message of a branched conversation: {@code parent} is the turn it follows ({@code "root"}: it starts
     * the conversation), as api-service stores a regeneration, an edit, or any turn once its session branched.
     */
    public MessageId userMessage(String content, String status, String parent) {
        MessageId id = userMessage(content, status);
        dynamoDb.updateItem(r -> r.tableName(MESSAGES)
                .key(Map.of("pk", s(partition()), "sk", s(id.value() + "#1")))
                .updateExpression("SET parent_message_id = :p")
                .expressionAttributeValues(Map.of(":p", s(parent))));
        return id;
    }

    /** Sets the attempt count of a user message, as earlier deliveries would have left it. */
    public void setAttempts(MessageId id, int attempts) {
        dynamoDb.updateItem(r -> r.tableName(MESSAGES)
                .key(Map.of("pk", s(partition()), "sk", s(id.value() + "#1")))
                .updateExpression("SET attempts = :n")
                .expressionAttributeValues(Map.of(":n", n(attempts))));
    }

    /** As a retry or replay leaves a failed message: queued again, its earlier attempts outside the budget. */
    public void requeueAfter(MessageId id, int attempts) {
        dynamoDb.updateItem(r -> r.tableName(MESSAGES)
                .key(Map.of("pk", s(partition()), "sk", s(id.value() + "#1")))
                .updateExpression("SET attempts = :n, requeued_attempts = :n")
                .expressionAttributeValues(Map.of(":n", n(attempts))));
    }

    public void reply(MessageId answered, String content) {
        Map<String, AttributeValue> item = new HashMap<>(common(answered, "#2", "assistant", content, "completed"));
        item.putAll(Map.of("model_id", s("test-model"), "input_tokens", n(10), "output_tokens", n(5)));
        dynamoDb.putItem(r -> r.tableName(MESSAGES).item(item));
    }

    public Map<String, AttributeValue> messageItem(MessageId id, String suffix) {
        return dynamoDb.getItem(r -> r.tableName(MESSAGES).consistentRead(true)
                .key(Map.of("pk", s(partition()), "sk", s(id.value() + suffix)))).item();
    }

    /** As api-service deletes a session: the session item first, then (see {@link #eraseMessage}) its messages. */
    public void deleteSession() {
        dynamoDb.deleteItem(r -> r.tableName(SESSIONS).key(Map.of("session_key", s(sessionKey()))));
    }

    public void eraseMessage(MessageId id) {
        dynamoDb.deleteItem(r -> r.tableName(MESSAGES).key(Map.of("pk", s(partition()), "sk", s(id.value() + "#1"))));
    }

    public Map<String, AttributeValue> sessionItem() {
        return dynamoDb.getItem(r -> r.tableName(SESSIONS).consistentRead(true)
                .key(Map.of("session_key", s(sessionKey())))).item();
    }

    public int sessionMessageCount() {
        return Integer.parseInt(sessionItem().get("message_count").n());
    }

    public String partition() {
        return tenant.value() + "#" + session.value();
    }

    private String sessionKey() {
        return tenant.value() + "#" + user.value() + "#" + session.value();
    }

    private Map<String, AttributeValue> common(MessageId id, String suffix, String role, String content,
            String status) {
        return Map.of("pk", s(partition()), "sk", s(id.value() + suffix), "tenant_id", s(tenant.value()),
                "session_id", s(session.value()), "user_id", s(user.value()), "message_id", s(id.value()),
                "role", s(role), "content", s(content), "status", s(status), "created_at", s(CREATED_AT));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
