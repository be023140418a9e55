package io.tenantchat.api.credentials.config;

import io.tenantchat.api.credentials.TenantCredentialsProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProvider;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.StsClientBuilder;

/** Per-tenant STS credentials, only when {@code tenantchat.aws.scoped-credentials.role-arn} is set. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "tenantchat.aws.scoped-credentials", name = "role-arn")
@EnableConfigurationProperties(ScopedCredentialsProperties.class)
class ScopedCredentialsConfig {

    @Bean(destroyMethod = "close")
    StsClient tenantStsClient(ScopedCredentialsProperties settings, AwsCredentialsProvider serviceCredentials,
            AwsRegionProvider region) {
        StsClientBuilder builder = StsClient.builder().credentialsProvider(serviceCredentials).region(region.getRegion());
        if (settings.stsEndpoint() != null) {
            builder.endpointOverride(settings.stsEndpoint());
        }
        return builder.build();
    }

    @Bean(destroyMethod = "close")
    TenantCredentialsProvider tenantCredentialsProvider(StsClient tenantStsClient, ScopedCredentialsProperties settings) {
        return new TenantCredentialsProvider(tenantStsClient, settings.roleArn(), settings.sessionDuration(),
                settings.refreshBefore());
    }
}
