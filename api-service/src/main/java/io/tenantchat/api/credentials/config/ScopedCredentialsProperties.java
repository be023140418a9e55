package io.tenantchat.api.credentials.config;

import io.tenantchat.api.credentials.TenantCredentialsProvider;
import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Scoped credentials (production option), active when {@code role-arn} is set (this record is bound whether or
 * not it is; {@link TenantCredentialsProvider} refuses a blank role).
 *
 * @param roleArn the role assumed per tenant; its policy is docs/security/tenant-scoped-dynamodb-policy.json
 * @param sessionDuration lifetime asked of STS (15 min to the role's maximum)
 * @param refreshBefore cached credentials are renewed this long before they expire
 * @param stsEndpoint an STS endpoint override (tests, VPC endpoints); unset on AWS
 */
@ConfigurationProperties("tenantchat.aws.scoped-credentials")
public record ScopedCredentialsProperties(@Nullable String roleArn, @DefaultValue("1h") Duration sessionDuration,
        @DefaultValue("5m") Duration refreshBefore, @Nullable URI stsEndpoint) {
}
