package io.tenantchat.api.credentials.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantchat.api.credentials.FakeSts;
import io.tenantchat.api.credentials.TenantCredentialsProvider;
import io.tenantchat.shared.TenantId;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsRegionProvider;

/** The scoped-credentials option is wired only when a role is configured, and then talks to STS. */
class ScopedCredentialsConfigTests {

    final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(ScopedCredentialsConfig.class)
            .withBean(AwsCredentialsProvider.class,
                    () -> StaticCredentialsProvider.create(AwsBasicCredentials.create("service", "secret")))
            .withBean(AwsRegionProvider.class, () -> () -> Region.US_EAST_1);

    @Test
    void providesNoTenantCredentialsWithoutARole() {
        context.run(ctx -> assertThat(ctx).doesNotHaveBean(TenantCredentialsProvider.class));
    }

    @Test
    void assumesTheConfiguredRoleThroughTheConfiguredStsEndpoint() {
        try (FakeSts sts = FakeSts.start()) {
            context.withPropertyValues(
                            "tenantchat.aws.scoped-credentials.role-arn=arn:aws:iam::123456789012:role/tenantchat-tenant",
                            "tenantchat.aws.scoped-credentials.session-duration=15m",
                            "tenantchat.aws.scoped-credentials.sts-endpoint=" + sts.endpoint())
                    .run(ctx -> {
                        String key = ctx.getBean(TenantCredentialsProvider.class).forTenant(TenantId.of("tenant-007"))
                                .resolveCredentials().accessKeyId();

                        assertThat(key).startsWith("ASIA-tenant-007-");
                        assertThat(sts.requests()).singleElement().satisfies(r -> assertThat(r)
                                .containsEntry("RoleArn", "arn:aws:iam::123456789012:role/tenantchat-tenant")
                                .containsEntry("DurationSeconds", "900"));
                    });
        }
    }
}
