package io.tenantchat.api.chat.adapter.out.dynamodb;

import io.tenantchat.shared.table.MessagesTable;
import io.tenantchat.shared.table.Retention;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/** Lookup item {@code <tenant_id>#message#<message_id>}/{@code ref}: finds a message's session by id. */
@DynamoDbBean
public class MessageRefItem {

    private @Nullable String pk;
    private @Nullable String sk;
    private @Nullable String tenantId;
    private @Nullable String sessionId;
    private @Nullable String userId;
    private @Nullable String messageId;
    private @Nullable String createdAt;
    private @Nullable Long expiresAt;

    @DynamoDbPartitionKey
    @DynamoDbAttribute(MessagesTable.PK)
    public @Nullable String getPk() {
        return pk;
    }

    public void setPk(@Nullable String pk) {
        this.pk = pk;
    }

    @DynamoDbSortKey
    @DynamoDbAttribute(MessagesTable.SK)
    public @Nullable String getSk() {
        return sk;
    }

    public void setSk(@Nullable String sk) {
        this.sk = sk;
    }

    @DynamoDbAttribute("tenant_id")
    public @Nullable String getTenantId() {
        return tenantId;
    }

    public void setTenantId(@Nullable String tenantId) {
        this.tenantId = tenantId;
    }

    @DynamoDbAttribute("session_id")
    public @Nullable String getSessionId() {
        return sessionId;
    }

    public void setSessionId(@Nullable String sessionId) {
        this.sessionId = sessionId;
    }

    @DynamoDbAttribute("user_id")
    public @Nullable String getUserId() {
        return userId;
    }

    public void setUserId(@Nullable String userId) {
        this.userId = userId;
    }

    @DynamoDbAttribute("message_id")
    public @Nullable String getMessageId() {
        return messageId;
    }

    public void setMessageId(@Nullable String messageId) {
        this.messageId = messageId;
    }

    @DynamoDbAttribute("created_at")
    public @Nullable String getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(@Nullable String createdAt) {
        this.createdAt = createdAt;
    }

    /** Epoch seconds after which reads treat the item as gone ({@code Retention}); null: kept forever. */
    @DynamoDbAttribute(Retention.EXPIRES_AT)
    public @Nullable Long getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(@Nullable Long expiresAt) {
        this.expiresAt = expiresAt;
    }
}
