package io.tenantchat.worker.reply.adapter.out.dynamodb;

import io.tenantchat.shared.table.MessagesTable;
import io.tenantchat.shared.table.Retention;
import io.tenantchat.worker.reply.domain.MessageStatus;
import io.tenantchat.worker.reply.domain.ModelReply;
import io.tenantchat.worker.reply.domain.Role;
import io.tenantchat.worker.reply.domain.UserMessage;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/** The assistant reply item ({@code sk = {message_id}#2}), written once per user message. */
@DynamoDbBean
public class ReplyItem {

    private @Nullable String pk;
    private @Nullable String sk;
    private @Nullable String tenantId;
    private @Nullable String sessionId;
    private @Nullable String userId;
    private @Nullable String messageId;
    private @Nullable String content;
    private @Nullable String modelId;
    private @Nullable Integer inputTokens;
    private @Nullable Integer outputTokens;
    private @Nullable String createdAt;
    private @Nullable String stopReason;
    private @Nullable Long expiresAt;
    private String status = MessageStatus.COMPLETED.wireValue();

    static ReplyItem of(UserMessage message, ModelReply reply, Instant now) {
        return of(message, reply, now, MessageStatus.COMPLETED);
    }

    /** A reply stored as {@code status}: completed, or cancelled (the text generated until its author stopped it). */
    static ReplyItem of(UserMessage message, ModelReply reply, Instant now, MessageStatus status) {
        ReplyItem item = new ReplyItem();
        item.status = status.wireValue();
        item.pk = MessagesTable.conversation(message.ref().tenantId(), message.ref().sessionId());
        item.sk = MessagesTable.reply(message.ref().messageId());
        item.tenantId = message.ref().tenantId().value();
        item.sessionId = message.ref().sessionId().value();
        item.userId = message.userId().value();
        item.messageId = message.ref().messageId().value();
        item.content = reply.text();
        item.modelId = reply.modelId();
        item.inputTokens = reply.inputTokens();
        item.outputTokens = reply.outputTokens();
        item.createdAt = Timestamps.format(now);
        item.stopReason = reply.stopReason();
        item.expiresAt = message.expiresAt(); // the reply goes with its message
        return item;
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

    /** {@code guardrail_intervened} for a reply a guardrail withheld; absent otherwise. */
    @DynamoDbAttribute("stop_reason")
    public @Nullable String getStopReason() { return stopReason; }
    public void setStopReason(@Nullable String stopReason) { this.stopReason = stopReason; }

    @DynamoDbAttribute(Retention.EXPIRES_AT)
    public @Nullable Long getExpiresAt() { return expiresAt; }
    public void setExpiresAt(@Nullable Long expiresAt) { this.expiresAt = expiresAt; }

    @DynamoDbAttribute("role")
    public String getRole() { return Role.ASSISTANT.wireValue(); }
    public void setRole(String role) { /* always assistant */ }

    @DynamoDbAttribute("content")
    public @Nullable String getContent() { return content; }
    public void setContent(@Nullable String content) { this.content = content; }

    @DynamoDbAttribute("status")
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }

    @DynamoDbAttribute("model_id")
    public @Nullable String getModelId() { return modelId; }
    public void setModelId(@Nullable String modelId) { this.modelId = modelId; }

    @DynamoDbAttribute("input_tokens")
    public @Nullable Integer getInputTokens() { return inputTokens; }
    public void setInputTokens(@Nullable Integer inputTokens) { this.inputTokens = inputTokens; }

    @DynamoDbAttribute("output_tokens")
    public @Nullable Integer getOutputTokens() { return outputTokens; }
    public void setOutputTokens(@Nullable Integer outputTokens) { this.outputTokens = outputTokens; }

    @DynamoDbAttribute("created_at")
    public @Nullable String getCreatedAt() { return createdAt; }
    public void setCreatedAt(@Nullable String createdAt) { this.createdAt = createdAt; }
}
