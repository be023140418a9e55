package io.tenantchat.api.apikey.adapter.out.dynamodb;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;

/**
 * One key: partition key {@code key_id} (authentication finds a key, and so its tenant, by its id alone), the
 * index {@value #BY_TENANT_INDEX} lists a tenant's keys. Instants are ISO-8601 with milliseconds, so they sort as
 * text. The key itself is never stored, only {@code secret_hash}.
 */
@DynamoDbBean
public class ApiKeyItem {

    static final String BY_TENANT_INDEX = "tenant_id-created_at-index";
    private @Nullable String keyId;
    private @Nullable String tenantId;
    private @Nullable String createdAt;
    private @Nullable String principal;
    private @Nullable String label;
    private @Nullable String secretHash;
    private @Nullable String expiresAt;
    private @Nullable String revokedAt;
    private @Nullable String lastUsedAt;

    @DynamoDbPartitionKey
    @DynamoDbAttribute("key_id")
    public @Nullable String getKeyId() {
        return keyId;
    }

    public void setKeyId(@Nullable String keyId) {
        this.keyId = keyId;
    }

    @DynamoDbSecondaryPartitionKey(indexNames = BY_TENANT_INDEX)
    @DynamoDbAttribute("tenant_id")
    public @Nullable String getTenantId() {
        return tenantId;
    }

    public void setTenantId(@Nullable String tenantId) {
        this.tenantId = tenantId;
    }

    @DynamoDbSecondarySortKey(indexNames = BY_TENANT_INDEX)
    @DynamoDbAttribute("created_at")
    public @Nullable String getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(@Nullable String createdAt) {
        this.createdAt = createdAt;
    }

    @DynamoDbAttribute("principal")
    public @Nullable String getPrincipal() {
        return principal;
    }

    public void setPrincipal(@Nullable String principal) {
        this.principal = principal;
    }

    @DynamoDbAttribute("label")
    public @Nullable String getLabel() {
        return label;
    }

    public void setLabel(@Nullable String label) {
        this.label = label;
    }

    @DynamoDbAttribute("secret_hash")
    public @Nullable String getSecretHash() {
        return secretHash;
    }

    public void setSecretHash(@Nullable String secretHash) {
        this.secretHash = secretHash;
    }

    @DynamoDbAttribute("expires_at")
    public @Nullable String getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(@Nullable String expiresAt) {
        this.expiresAt = expiresAt;
    }

    @DynamoDbAttribute("revoked_at")
    public @Nullable String getRevokedAt() {
        return revokedAt;
    }

    public void setRevokedAt(@Nullable String revokedAt) {
        this.revokedAt = revokedAt;
    }

    @DynamoDbAttribute("last_used_at")
    public @Nullable String getLastUsedAt() {
        return lastUsedAt;
    }

    public void setLastUsedAt(@Nullable String lastUsedAt) {
        this.lastUsedAt = lastUsedAt;
    }
}
