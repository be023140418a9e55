package io.tenantchat.api.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantchat.shared.TenantId;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

/** The real {@link StsClient} against a local endpoint that answers like STS. */
class TenantCredentialsProviderTests {

    static final String ROLE = "arn:aws:iam::123456789012:role/tenantchat-tenant";
    static final TenantId T1 = TenantId.of("tenant-001");
    static final TenantId T2 = TenantId.of("tenant-002");

    FakeSts fakeSts;
    StsClient sts;
    TenantCredentialsProvider provider;

    @BeforeEach
    void start() {
        fakeSts = FakeSts.start();
        sts = StsClient.builder().endpointOverride(fakeSts.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("service", "secret")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        provider = new TenantCredentialsProvider(sts, ROLE, Duration.ofHours(1), Duration.ofMinutes(5));
    }

    @AfterEach
    void stop() {
        provider.close();
        sts.close();
        fakeSts.close();
    }

    @Test
    void assumesTheRoleWithATransitiveTenantSessionTag() {
        AwsCredentials credentials = provider.forTenant(T1).resolveCredentials();

        assertThat(fakeSts.requests()).singleElement().satisfies(request -> assertThat(request)
                .containsEntry("Action", "AssumeRole")
                .containsEntry("RoleArn", ROLE)
                .containsEntry("RoleSessionName", "tenantchat-tenant-001")
                .containsEntry("DurationSeconds", "3600")
                .containsEntry("Tags.member.1.Key", "TenantId")
                .containsEntry("Tags.member.1.Value", "tenant-001")
                .containsEntry("TransitiveTagKeys.member.1", "TenantId"));
        assertThat(credentials).isInstanceOf(AwsSessionCredentials.class);
        assertThat(credentials.accessKeyId()).startsWith("ASIA-tenant-001-");
        assertThat(((AwsSessionCredentials) credentials).sessionToken()).isEqualTo("token-tenant-001");
    }

    @Test
    void cachesCredentialsPerTenant() {
        String first = provider.forTenant(T1).resolveCredentials().accessKeyId();
        String again = provider.forTenant(T1).resolveCredentials().accessKeyId();
        String other = provider.forTenant(T2).resolveCredentials().accessKeyId();

        assertThat(again).isEqualTo(first);
        assertThat(other).startsWith("ASIA-tenant-002-");
        assertThat(fakeSts.requests()).extracting(r -> r.get("Tags.member.1.Value"))
                .containsExactly("tenant-001", "tenant-002");
    }

    @Test
    void renewsCredentialsThatExpireWithinTheRefreshMargin() {
        fakeSts.lifetime(Duration.ofMinutes(4));

        String first = provider.forTenant(T1).resolveCredentials().accessKeyId();
        String second = provider.forTenant(T1).resolveCredentials().accessKeyId();

        assertThat(second).isNotEqualTo(first);
        assertThat(fakeSts.requests()).hasSize(2);
    }

    @Test
    void refusesABlankRole() {
        assertThatThrownBy(() -> new TenantCredentialsProvider(sts, " ", Duration.ofHours(1), Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
