package io.tenantchat.api.apikey.adapter.out.dynamodb;

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
    private String keyId;
    private String tenantId;
    private String createdAt;
    private String principal;
    private String label;
    private String secretHash;
    private String expiresAt;
    private String revokedAt;
    private String lastUsedAt;

    @DynamoDbPartitionKey
    @DynamoDbAttribute("key_id")
    public String getKeyId() {
        return keyId;
    }

    public void setKeyId(String keyId) {
        this.keyId = keyId;
    }

    @DynamoDbSecondaryPartitionKey(indexNames = BY_TENANT_INDEX)
    @DynamoDbAttribute("tenant_id")
    public String getTenantId() {
        return tenantId;
    }

    public void setTenantId(String tenantId) {
        this.tenantId = tenantId;
    }

    @DynamoDbSecondarySortKey(indexNames = BY_TENANT_INDEX)
    @DynamoDbAttribute("created_at")
    public String getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(String createdAt) {
        this.createdAt = createdAt;
    }

    @DynamoDbAttribute("principal")
    public String getPrincipal() {
        return principal;
    }

    public void setPrincipal(String principal) {
        this.principal = principal;
    }

    @DynamoDbAttribute("label")
    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }

    @DynamoDbAttribute("secret_hash")
    public String getSecretHash() {
        return secretHash;
    }

    public void setSecretHash(String secretHash) {
        this.secretHash = secretHash;
    }

    @DynamoDbAttribute("expires_at")
    public String getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(String expiresAt) {
        this.expiresAt = expiresAt;
    }

    @DynamoDbAttribute("revoked_at")
    public String getRevokedAt() {
        return revokedAt;
    }

    public void setRevokedAt(String revokedAt) {
        this.revokedAt = revokedAt;
    }

    @DynamoDbAttribute("last_used_at")
    public String getLastUsedAt() {
        return lastUsedAt;
    }

    public void setLastUsedAt(String lastUsedAt) {
        this.lastUsedAt = lastUsedAt;
    }
}
