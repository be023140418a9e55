package io.tenantchat.api.profile.adapter.out.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantchat.api.credentials.TenantDynamoDb;
import io.tenantchat.api.profile.config.ProfileTableProperties;
import io.tenantchat.api.profile.domain.ProfileSettings;
import io.tenantchat.api.profile.domain.TenantProfile;
import io.tenantchat.localstack.AwsClients;
import io.tenantchat.localstack.dynamodb.DynoxideServer;
import io.tenantchat.localstack.provision.Provisioner;
import io.tenantchat.localstack.provision.TableNames;
import io.tenantchat.shared.TenantId;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Profiles against dynoxide: round trip, and a save of a stale version loses. */
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
                "tenants"));
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
                256, 0.25, "gr0abc12", "DRAFT", 6, 3000);
        TenantProfile profile = new TenantProfile(tenant, 1, settings, Instant.parse("2026-12-03T10:00:00Z"), "ada");

        assertThat(profiles.save(profile)).isTrue();

        assertThat(profiles.find(tenant)).contains(profile);
    }

    @Test
    void secondSaveOfTheSameVersionLosesAndTheNextVersionWins() {
        TenantId tenant = TenantId.of("tenant-" + UUID.randomUUID().toString().substring(0, 8));
        assertThat(profiles.save(profile(tenant, 1, "first"))).isTrue();

        assertThat(profiles.save(profile(tenant, 1, "racing"))).isFalse();
        assertThat(profiles.save(profile(tenant, 3, "skipping"))).isFalse();
        assertThat(profiles.save(profile(tenant, 2, "second"))).isTrue();

        assertThat(profiles.find(tenant).orElseThrow().settings().systemPrompt()).isEqualTo("second");
    }

    static TenantProfile profile(TenantId tenant, long version, String prompt) {
        return new TenantProfile(tenant, version, new ProfileSettings(prompt, null, null, null, null, null, null, null),
                Instant.parse("2026-12-03T10:00:00Z"), "ada");
    }
}
