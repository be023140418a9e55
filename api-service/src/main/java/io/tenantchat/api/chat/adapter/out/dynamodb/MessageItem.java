package io.tenantchat.api.chat.adapter.out.dynamodb;

import io.tenantchat.shared.table.MessagesTable;
import io.tenantchat.shared.table.Retention;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/** A user message ({@code sk = <message_id>#1}) or an assistant reply ({@code <message_id>#2}). */
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
    private @Nullable String errorCode;
    private @Nullable String errorMessage;
    private @Nullable String createdAt;
    private @Nullable String updatedAt;
    private @Nullable String modelId;
    private @Nullable String stopReason;
    private @Nullable Long inputTokens;
    private @Nullable Long outputTokens;
    private @Nullable String given;
    private @Nullable String parentMessageId;
    private @Nullable String regeneratedFrom;
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

    @DynamoDbAttribute("role")
    public @Nullable String getRole() {
        return role;
    }

    public void setRole(@Nullable String role) {
        this.role = role;
    }

    @DynamoDbAttribute("content")
    public @Nullable String getContent() {
        return content;
    }

    public void setContent(@Nullable String content) {
        this.content = content;
    }

    @DynamoDbAttribute("status")
    public @Nullable String getStatus() {
        return status;
    }

    public void setStatus(@Nullable String status) {
        this.status = status;
    }

    @DynamoDbAttribute("attempts")
    public @Nullable Integer getAttempts() {
        return attempts;
    }

    public void setAttempts(@Nullable Integer attempts) {
        this.attempts = attempts;
    }

    @DynamoDbAttribute("error_code")
    public @Nullable String getErrorCode() {
        return errorCode;
    }

    public void setErrorCode(@Nullable String errorCode) {
        this.errorCode = errorCode;
    }

    @DynamoDbAttribute("error_message")
    public @Nullable String getErrorMessage() {
        return errorMessage;
    }

    public void setErrorMessage(@Nullable String errorMessage) {
        this.errorMessage = errorMessage;
    }

    @DynamoDbAttribute("created_at")
    public @Nullable String getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(@Nullable String createdAt) {
        this.createdAt = createdAt;
    }

    @DynamoDbAttribute("updated_at")
    public @Nullable String getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(@Nullable String updatedAt) {
        this.updatedAt = updatedAt;
    }

    /** A reply's {@code guardrail_intervened}, written by the worker; absent otherwise. */
    @DynamoDbAttribute("stop_reason")
    public @Nullable String getStopReason() {
        return stopReason;
    }

    public void setStopReason(@Nullable String stopReason) {
        this.stopReason = stopReason;
    }

    @DynamoDbAttribute("model_id")
    public @Nullable String getModelId() {
        return modelId;
    }

    public void setModelId(@Nullable String modelId) {
        this.modelId = modelId;
    }

    @DynamoDbAttribute("input_tokens")
    public @Nullable Long getInputTokens() {
        return inputTokens;
    }

    public void setInputTokens(@Nullable Long inputTokens) {
        this.inputTokens = inputTokens;
    }

    @DynamoDbAttribute("output_tokens")
    public @Nullable Long getOutputTokens() {
        return outputTokens;
    }

    public void setOutputTokens(@Nullable Long outputTokens) {
        this.outputTokens = outputTokens;
    }

    /** The given conversation of an OpenAI-compatible request, as JSON (user messages only; absent otherwise). */
    @DynamoDbAttribute("given")
    public @Nullable String getGiven() {
        return given;
    }

    public void setGiven(@Nullable String given) {
        this.given = given;
    }

    /** The turn this one follows ({@code root}: none); absent on turns stored before their session branched. */
    @DynamoDbAttribute("parent_message_id")
    public @Nullable String getParentMessageId() {
        return parentMessageId;
    }

    public void setParentMessageId(@Nullable String parentMessageId) {
        this.parentMessageId = parentMessageId;
    }

    /** The turn this one asks again ({@code POST /api/chat/{id}/regenerate}); absent on others. */
    @DynamoDbAttribute("regenerated_from")
    public @Nullable String getRegeneratedFrom() {
        return regeneratedFrom;
    }

    public void setRegeneratedFrom(@Nullable String regeneratedFrom) {
        this.regeneratedFrom = regeneratedFrom;
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
