package io.tenantchat.api.session.adapter.out.dynamodb;

import io.tenantchat.shared.table.Retention;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;

/** One session item; layout in docs/architecture.md. */
@DynamoDbBean
public class SessionItem {

    static final String BY_USER_INDEX = "tenant_user-created_at-index";
    static final String BY_TENANT_INDEX = "tenant_id-created_at-index";

    private @Nullable String sessionKey;
    private @Nullable String tenantId;
    private @Nullable String userId;
    private @Nullable String sessionId;
    private @Nullable String tenantUser;
    private @Nullable String createdAt;
    private @Nullable String lastActivity;
    private @Nullable Long messageCount;
    private @Nullable String title;
    private @Nullable String kind;
    private @Nullable Long expiresAt;

    @DynamoDbPartitionKey
    @DynamoDbAttribute("session_key")
    public @Nullable String getSessionKey() {
        return sessionKey;
    }

    public void setSessionKey(@Nullable String sessionKey) {
        this.sessionKey = sessionKey;
    }

    @DynamoDbSecondaryPartitionKey(indexNames = BY_TENANT_INDEX)
    @DynamoDbAttribute("tenant_id")
    public @Nullable String getTenantId() {
        return tenantId;
    }

    public void setTenantId(@Nullable String tenantId) {
        this.tenantId = tenantId;
    }

    @DynamoDbAttribute("user_id")
    public @Nullable String getUserId() {
        return userId;
    }

    public void setUserId(@Nullable String userId) {
        this.userId = userId;
    }

    @DynamoDbAttribute("session_id")
    public @Nullable String getSessionId() {
        return sessionId;
    }

    public void setSessionId(@Nullable String sessionId) {
        this.sessionId = sessionId;
    }

    @DynamoDbSecondaryPartitionKey(indexNames = BY_USER_INDEX)
    @DynamoDbAttribute("tenant_user")
    public @Nullable String getTenantUser() {
        return tenantUser;
    }

    public void setTenantUser(@Nullable String tenantUser) {
        this.tenantUser = tenantUser;
    }

    @DynamoDbSecondarySortKey(indexNames = {BY_USER_INDEX, BY_TENANT_INDEX})
    @DynamoDbAttribute("created_at")
    public @Nullable String getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(@Nullable String createdAt) {
        this.createdAt = createdAt;
    }

    @DynamoDbAttribute("last_activity")
    public @Nullable String getLastActivity() {
        return lastActivity;
    }

    public void setLastActivity(@Nullable String lastActivity) {
        this.lastActivity = lastActivity;
    }

    @DynamoDbAttribute("message_count")
    public @Nullable Long getMessageCount() {
        return messageCount;
    }

    public void setMessageCount(@Nullable Long messageCount) {
        this.messageCount = messageCount;
    }

    @DynamoDbAttribute("title")
    public @Nullable String getTitle() {
        return title;
    }

    public void setTitle(@Nullable String title) {
        this.title = title;
    }

    /** {@code chat} or {@code api}; absent on sessions stored before kinds existed (chat). */
    @DynamoDbAttribute("kind")
    public @Nullable String getKind() {
        return kind;
    }

    public void setKind(@Nullable String kind) {
        this.kind = kind;
    }

    /**
     * Epoch seconds after which reads treat the session as gone ({@code Retention}); written by the message intake,
     * moved on by every message; null: kept forever.
     */
    @DynamoDbAttribute(Retention.EXPIRES_AT)
    public @Nullable Long getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(@Nullable Long expiresAt) {
        this.expiresAt = expiresAt;
    }
}
