package io.tenantchat.api.credentials;

import io.tenantchat.shared.TenantId;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.Tag;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Per-tenant AWS credentials: STS {@code AssumeRole} on one role with the session tag {@code TenantId=<tenant>}
 * (transitive, so role chaining keeps it). The role's policy binds {@code dynamodb:LeadingKeys} to
 * {@code ${aws:PrincipalTag/TenantId}}, so a bug that builds another tenant's key is refused by AWS itself.
 * Credentials are cached per tenant and renewed {@code refreshBefore} their expiry.
 */
public final class TenantCredentialsProvider implements SdkAutoCloseable {

    public static final String TENANT_TAG = "TenantId";
    private static final int MAX_SESSION_NAME = 64;

    private final StsClient sts;
    private final String roleArn;
    private final Duration sessionDuration;
    private final Duration refreshBefore;
    private final Map<TenantId, StsAssumeRoleCredentialsProvider> providers = new ConcurrentHashMap<>();

    public TenantCredentialsProvider(StsClient sts, @Nullable String roleArn, Duration sessionDuration,
            Duration refreshBefore) {
        this.sts = Objects.requireNonNull(sts, "sts");
        if (roleArn == null || roleArn.isBlank()) {
            throw new IllegalArgumentException("a role ARN is required for scoped credentials");
        }
        this.roleArn = roleArn;
        this.sessionDuration = Objects.requireNonNull(sessionDuration, "sessionDuration");
        this.refreshBefore = Objects.requireNonNull(refreshBefore, "refreshBefore");
    }

    /** Credentials that can reach only {@code tenantId}'s items (given the published role policy). */
    public AwsCredentialsProvider forTenant(TenantId tenantId) {
        return providers.computeIfAbsent(tenantId, this::assumeRoleFor);
    }

    private StsAssumeRoleCredentialsProvider assumeRoleFor(TenantId tenantId) {
        AssumeRoleRequest request = AssumeRoleRequest.builder()
                .roleArn(roleArn)
                .roleSessionName(sessionName(tenantId))
                .durationSeconds(Math.toIntExact(sessionDuration.toSeconds()))
                .tags(Tag.builder().key(TENANT_TAG).value(tenantId.value()).build())
                .transitiveTagKeys(TENANT_TAG)
                .build();
        return StsAssumeRoleCredentialsProvider.builder()
                .stsClient(sts)
                .refreshRequest(request)
                .staleTime(refreshBefore)
                .prefetchTime(refreshBefore)
                .build();
    }

    /** Visible in CloudTrail; tenant ids use only characters a session name allows. */
    static String sessionName(TenantId tenantId) {
        String name = "tenantchat-" + tenantId.value();
        return name.length() <= MAX_SESSION_NAME ? name : name.substring(0, MAX_SESSION_NAME);
    }

    @Override
    public void close() {
        providers.values().forEach(StsAssumeRoleCredentialsProvider::close);
        providers.clear();
    }
}
