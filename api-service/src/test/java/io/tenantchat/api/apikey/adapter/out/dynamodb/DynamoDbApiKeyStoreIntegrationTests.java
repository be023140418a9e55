package io.tenantchat.api.apikey.adapter.out.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantchat.api.apikey.domain.ApiKey;
import io.tenantchat.api.apikey.domain.ApiKeyId;
import io.tenantchat.api.apikey.domain.ApiKeySecret;
import io.tenantchat.api.apikey.config.ApiKeyProperties;
import io.tenantchat.api.audit.adapter.out.dynamodb.AuditItems;
import io.tenantchat.api.audit.application.AuditConflictException;
import io.tenantchat.api.audit.config.AuditProperties;
import io.tenantchat.localstack.AwsClients;
import io.tenantchat.localstack.dynamodb.DynoxideServer;
import io.tenantchat.localstack.provision.Provisioner;
import io.tenantchat.localstack.provision.TableNames;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.UserId;
import io.tenantchat.shared.audit.AuditChain;
import io.tenantchat.shared.audit.AuditEntry;
import io.tenantchat.shared.audit.AuditEvent;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The key store against dynoxide over the wire, in the table local-stack's Provisioner creates. */
class DynamoDbApiKeyStoreIntegrationTests {

    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    static final SecureRandom RANDOM = new SecureRandom();

    static DynoxideServer dynoxide;
    static DynamoDbClient client;
    static DynamoDbApiKeyStore store;

    @BeforeAll
    static void start() {
        dynoxide = DynoxideServer.start(null);
        client = AwsClients.dynamoDb(dynoxide.endpoint());
        Provisioner.createTables(client, TableNames.defaults());
        store = new DynamoDbApiKeyStore(client, new ApiKeyProperties(Provisioner.API_KEYS_TABLE, Duration.ofSeconds(1),
                Duration.ofMinutes(1)), new AuditProperties(Provisioner.AUDIT_TABLE));
    }

    @AfterAll
    static void stop() {
        client.close();
        dynoxide.close();
    }

    @Test
    void findsAKeyAndItsTenantByKeyIdAlone() {
        ApiKey key = key("tenant-a", T0, T0.plus(Duration.ofDays(30)));
        store.create(key);

        assertThat(store.find(key.keyId())).hasValue(key);
        assertThat(store.find(ApiKeySecret.generate(RANDOM).keyId())).isEmpty();
    }

    @Test
    void neverOverwritesAnExistingKeyId() {
        ApiKey key = key("tenant-a", T0, null);
        store.create(key);
        ApiKey sameId = new ApiKey(key.keyId(), TenantId.of("tenant-b"), UserId.of("mallory"), "x", "0".repeat(64),
                T0, null, null, null);

        assertThatThrownBy(() -> store.create(sameId)).isInstanceOf(IllegalStateException.class);
        assertThat(store.find(key.keyId())).hasValue(key);
    }

    @Test
    void storesTheHashButNeverTheKey() {
        ApiKeySecret secret = ApiKeySecret.generate(RANDOM);
        ApiKey key = new ApiKey(secret.keyId(), TenantId.of("tenant-a"), UserId.of("svc"), "ci", secret.hash(), T0,
                null, null, null);
        store.create(key);

        Map<String, AttributeValue> item = client.getItem(g -> g.tableName(Provisioner.API_KEYS_TABLE)
                .key(Map.of("key_id", AttributeValue.fromS(secret.keyId().value())))).item();
        assertThat(item.toString()).doesNotContain(secret.reveal())
                .doesNotContain(secret.reveal().substring(25));
        assertThat(item.get("secret_hash").s()).isEqualTo(secret.hash());
    }

    @Test
    void listsOnlyTheTenantsKeysOldestFirst() {
        String tenant = "tenant-list-" + RANDOM.nextInt(1_000_000);
        ApiKey second = key(tenant, T0.plusSeconds(5), null);
        ApiKey first = key(tenant, T0, null);
        store.create(second);
        store.create(first);
        store.create(key(tenant + "-other", T0, null));

        assertThat(store.list(TenantId.of(tenant))).containsExactly(first, second);
    }

    @Test
    void revokesOnlyThroughTheKeysOwnTenant() {
        ApiKey key = key("tenant-a", T0, null);
        store.create(key);

        assertThat(store.revoke(TenantId.of("tenant-b"), key.keyId(), T0.plusSeconds(1))).isFalse();
        assertThat(store.find(key.keyId()).orElseThrow().revokedAt()).isNull();
        assertThat(store.revoke(TenantId.of("tenant-a"), key.keyId(), T0.plusSeconds(2))).isTrue();
        assertThat(store.revoke(TenantId.of("tenant-a"), key.keyId(), T0.plusSeconds(3))).isTrue();
        assertThat(store.find(key.keyId()).orElseThrow().revokedAt()).isEqualTo(T0.plusSeconds(2));
        assertThat(store.revoke(TenantId.of("tenant-a"), ApiKeySecret.generate(RANDOM).keyId(), T0)).isFalse();
    }

    @Test
    void createsAKeyAndItsAuditEntryInOneWriteAndNeitherWhenTheEntrysPlaceIsTaken() {
        String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
        ApiKey key = key(tenant, T0, null);
        AuditEntry first = entry(tenant, null, "api_key.created");

        store.create(key, first);
        ApiKey other = key(tenant, T0, null);
        assertThatThrownBy(() -> store.create(other, entry(tenant, null, "api_key.created")))
                .isInstanceOf(AuditConflictException.class);

        assertThat(store.find(key.keyId())).hasValue(key);
        assertThat(store.find(other.keyId())).isEmpty();
        assertThat(auditEntries(tenant)).containsExactly(first);
    }

    @Test
    void revokesAKeyOnceWithItsAuditEntryAndNothingForAnotherTenantOrARevokedKey() {
        String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
        ApiKey key = key(tenant, T0, null);
        AuditEntry created = entry(tenant, null, "api_key.created");
        store.create(key, created);
        AuditEntry revoked = entry(tenant, created, "api_key.revoked");

        assertThat(store.revoke(TenantId.of("tenant-b"), key.keyId(), T0, entry("tenant-b", null, "api_key.revoked")))
                .isFalse();
        assertThat(store.revoke(TenantId.of(tenant), key.keyId(), T0.plusSeconds(1), revoked)).isTrue();
        assertThat(store.revoke(TenantId.of(tenant), key.keyId(), T0.plusSeconds(2),
                entry(tenant, revoked, "api_key.revoked"))).isFalse();

        assertThat(store.find(key.keyId()).orElseThrow().revokedAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(auditEntries(tenant)).containsExactly(created, revoked);
        assertThat(auditEntries("tenant-b")).isEmpty();
    }

    static AuditEntry entry(String tenant, @Nullable AuditEntry last, String action) {
        return AuditChain.next(last, new AuditEvent(TenantId.of(tenant), tenant + "/root", action, "key", Map.of(),
                Map.of(), "req-1"), T0);
    }

    static List<AuditEntry> auditEntries(String tenant) {
        return client.query(q -> q.tableName(Provisioner.AUDIT_TABLE).keyConditionExpression("tenant_id = :t")
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromS(tenant)))).items().stream()
                .map(AuditItems::entry).toList();
    }

    @Test
    void marksUseOnlyWhenTheLastMarkIsOlderThanTheInterval() {
        ApiKey key = key("tenant-a", T0, null);
        store.create(key);

        store.markUsed(key.keyId(), T0.plusSeconds(10), T0.plusSeconds(10).minusSeconds(60));
        store.markUsed(key.keyId(), T0.plusSeconds(40), T0.plusSeconds(40).minusSeconds(60));
        assertThat(store.find(key.keyId()).orElseThrow().lastUsedAt()).isEqualTo(T0.plusSeconds(10));

        store.markUsed(key.keyId(), T0.plusMillis(70_500), T0.plusMillis(70_500).minusSeconds(60));
        assertThat(store.find(key.keyId()).orElseThrow().lastUsedAt()).isEqualTo(T0.plusMillis(70_500));
    }

    @Test
    void markingAnUnknownKeyCreatesNothing() {
        ApiKeyId unknown = ApiKeySecret.generate(RANDOM).keyId();

        store.markUsed(unknown, T0, T0.minusSeconds(60));

        assertThat(store.find(unknown)).isEmpty();
    }

    private static ApiKey key(String tenant, Instant createdAt, Instant expiresAt) {
        ApiKeySecret secret = ApiKeySecret.generate(RANDOM);
        return new ApiKey(secret.keyId(), TenantId.of(tenant), UserId.of("alice"), "label", secret.hash(), createdAt,
                expiresAt, null, null);
    }
}
