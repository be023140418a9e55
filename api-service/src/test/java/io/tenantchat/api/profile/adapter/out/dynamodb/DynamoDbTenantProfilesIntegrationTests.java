package io.tenantchat.api.profile.adapter.out.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantchat.api.audit.config.AuditProperties;
import io.tenantchat.api.credentials.TenantDynamoDb;
import io.tenantchat.api.profile.config.ProfileTableProperties;
import io.tenantchat.api.profile.domain.ProfileSettings;
import io.tenantchat.api.profile.domain.TenantProfile;
import io.tenantchat.localstack.AwsClients;
import io.tenantchat.localstack.dynamodb.DynoxideServer;
import io.tenantchat.localstack.provision.Provisioner;
import io.tenantchat.localstack.provision.TableNames;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.audit.AuditChain;
import io.tenantchat.shared.audit.AuditEntry;
import io.tenantchat.shared.audit.AuditEvent;
import io.tenantchat.shared.table.AuditTable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Profiles against dynoxide: round trip, a save of a stale version loses, and each save's audit entry is written
 * with it or not at all.
 */
class DynamoDbTenantProfilesIntegrationTests {

    static DynoxideServer dynoxide;
    static DynamoDbClient client;
    static DynamoDbTenantProfiles profiles;

    @BeforeAll
    static void start() {
        dynoxide = DynoxideServer.start(null);
        client = AwsClients.dynamoDb(dynoxide.endpoint());
        Provisioner.createTables(client, TableNames.defaults());
        profiles = new DynamoDbTenantProfiles(TenantDynamoDb.serviceCredentials(client), new ProfileTableProperties(
                "tenants"), new AuditProperties(Provisioner.AUDIT_TABLE));
    }

    @AfterAll
    static void stop() {
        client.close();
        dynoxide.close();
    }

    @Test
    void savedProfileReadsBackWithEverySetting() {
        TenantId tenant = TenantId.of("tenant-" + UUID.randomUUID().toString().substring(0, 8));
        ProfileSettings settings = new ProfileSettings("Be brief.", "us.anthropic.claude-sonnet-4-20250514-v1:0",
                256, 0.25, "gr0abc12", "DRAFT", 6, 3000, 90);
        TenantProfile profile = new TenantProfile(tenant, 1, settings, Instant.parse("2026-12-03T10:00:00Z"), "ada");

        assertThat(profiles.save(profile, entry(tenant, 1))).isTrue();

        assertThat(profiles.find(tenant)).contains(profile);
        assertThat(client.getItem(g -> g.tableName("tenants").key(Map.of("tenant_id", AttributeValue.fromS(
                tenant.value()), "sk", AttributeValue.fromS("profile")))).item().get("retention_days").n())
                .as("the attribute the tenant feature's plan cache reads").isEqualTo("90");
    }

    @Test
    void aSaveWritesItsAuditEntryAndALosingSaveWritesNone() {
        TenantId tenant = TenantId.of("tenant-" + UUID.randomUUID().toString().substring(0, 8));
        AuditEntry first = entry(tenant, 1);
        assertThat(profiles.save(profile(tenant, 1, "first"), first)).isTrue();

        assertThat(profiles.save(profile(tenant, 1, "racing"), entry(tenant, 2))).isFalse();

        assertThat(auditSeqs(tenant)).containsExactly(1L);
    }

    @Test
    void secondSaveOfTheSameVersionLosesAndTheNextVersionWins() {
        TenantId tenant = TenantId.of("tenant-" + UUID.randomUUID().toString().substring(0, 8));
        assertThat(profiles.save(profile(tenant, 1, "first"), entry(tenant, 1))).isTrue();

        assertThat(profiles.save(profile(tenant, 1, "racing"), entry(tenant, 2))).isFalse();
        assertThat(profiles.save(profile(tenant, 3, "skipping"), entry(tenant, 2))).isFalse();
        assertThat(profiles.save(profile(tenant, 2, "second"), entry(tenant, 2))).isTrue();

        assertThat(profiles.find(tenant).orElseThrow().settings().systemPrompt()).isEqualTo("second");
    }

    static TenantProfile profile(TenantId tenant, long version, String prompt) {
        return new TenantProfile(tenant, version, new ProfileSettings(prompt, null, null, null, null, null, null, null,
                null), Instant.parse("2026-12-03T10:00:00Z"), "ada");
    }

    /** The entry at {@code seq} of a chain whose earlier entries this test does not need to be real. */
    static AuditEntry entry(TenantId tenant, long seq) {
        AuditEvent event = new AuditEvent(tenant, tenant.value() + "/ada", "profile.changed", "profile", Map.of(),
                Map.of("system_prompt", "x"), "req-" + seq);
        AuditEntry entry = AuditChain.next(null, event, Instant.parse("2026-12-03T10:00:00Z"));
        for (long at = 2; at <= seq; at++) {
            entry = AuditChain.next(entry, event, Instant.parse("2026-12-03T10:00:00Z"));
        }
        return entry;
    }

    static List<Long> auditSeqs(TenantId tenant) {
        return client.query(q -> q.tableName(Provisioner.AUDIT_TABLE).keyConditionExpression("tenant_id = :t")
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromS(tenant.value())))).items().stream()
                .map(item -> Long.parseLong(item.get(AuditTable.SEQ).n())).toList();
    }
}
