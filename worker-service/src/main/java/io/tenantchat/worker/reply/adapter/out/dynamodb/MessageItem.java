package io.tenantchat.worker.reply.adapter.out.dynamodb;

import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.UserId;
import io.tenantchat.shared.table.MessagesTable;
import io.tenantchat.shared.table.Retention;
import io.tenantchat.worker.reply.domain.MessageRef;
import io.tenantchat.worker.reply.domain.MessageStatus;
import io.tenantchat.worker.reply.domain.Role;
import io.tenantchat.worker.reply.domain.StoredMessage;
import io.tenantchat.worker.reply.domain.UserMessage;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/** The attributes the worker reads from any item of the messages table (user message or assistant reply). */
@DynamoDbBean
public class MessageItem {

    private @Nullable String pk;
    private @Nullable String sk;
    private @Nullable String tenantId;
    private @Nullable String sessionId;
    private @Nullable String userId;
    private @Nullable String messageId;
    private @Nullable String role;
    private @Nullable String content;
    private @Nullable String status;
    private @Nullable Integer attempts;
    private @Nullable Integer requeuedAttempts;
    private @Nullable String parentMessageId;
    private @Nullable Long expiresAt;

    UserMessage toUserMessage() {
        MessageRef ref = new MessageRef(TenantId.of(tenantId), SessionId.of(sessionId), MessageId.of(messageId));
        int attemptsSoFar = attempts == null ? 0 : attempts;
        return new UserMessage(ref, UserId.of(userId), text(), MessageStatus.fromWireValue(status), attemptsSoFar,
                requeuedAttempts == null ? 0 : requeuedAttempts, expiresAt);
    }

    StoredMessage toStoredMessage() {
        return new StoredMessage(MessageId.of(messageId), Role.fromWireValue(role), text());
    }

    private String text() {
        return content == null ? "" : content;
    }

    @DynamoDbPartitionKey
    @DynamoDbAttribute(MessagesTable.PK)
    public @Nullable String getPk() { return pk; }
    public void setPk(@Nullable String pk) { this.pk = pk; }

    @DynamoDbSortKey
    @DynamoDbAttribute(MessagesTable.SK)
    public @Nullable String getSk() { return sk; }
    public void setSk(@Nullable String sk) { this.sk = sk; }

    @DynamoDbAttribute("tenant_id")
    public @Nullable String getTenantId() { return tenantId; }
    public void setTenantId(@Nullable String tenantId) { this.tenantId = tenantId; }

    @DynamoDbAttribute("session_id")
    public @Nullable String getSessionId() { return sessionId; }
    public void setSessionId(@Nullable String sessionId) { this.sessionId = sessionId; }

    @DynamoDbAttribute("user_id")
    public @Nullable String getUserId() { return userId; }
    public void setUserId(@Nullable String userId) { this.userId = userId; }

    @DynamoDbAttribute("message_id")
    public @Nullable String getMessageId() { return messageId; }
    public void setMessageId(@Nullable String messageId) { this.messageId = messageId; }

    @DynamoDbAttribute("role")
    public @Nullable String getRole() { return role; }
    public void setRole(@Nullable String role) { this.role = role; }

    @DynamoDbAttribute("content")
    public @Nullable String getContent() { return content; }
    public void setContent(@Nullable String content) { this.content = content; }

    @DynamoDbAttribute("status")
    public @Nullable String getStatus() { return status; }
    public void setStatus(@Nullable String status) { this.status = status; }

    @DynamoDbAttribute("attempts")
    public @Nullable Integer getAttempts() { return attempts; }
    public void setAttempts(@Nullable Integer attempts) { this.attempts = attempts; }

    @DynamoDbAttribute("requeued_attempts")
    public @Nullable Integer getRequeuedAttempts() { return requeuedAttempts; }
    public void setRequeuedAttempts(@Nullable Integer requeuedAttempts) { this.requeuedAttempts = requeuedAttempts; }

    /** The turn this one follows ({@code root}: none), absent on turns stored before their session branched. */
    @DynamoDbAttribute("parent_message_id")
    public @Nullable String getParentMessageId() { return parentMessageId; }
    public void setParentMessageId(@Nullable String parentMessageId) { this.parentMessageId = parentMessageId; }

    @DynamoDbAttribute(Retention.EXPIRES_AT)
    public @Nullable Long getExpiresAt() { return expiresAt; }
    public void setExpiresAt(@Nullable Long expiresAt) { this.expiresAt = expiresAt; }
}
