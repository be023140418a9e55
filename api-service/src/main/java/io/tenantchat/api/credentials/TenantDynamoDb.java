package io.tenantchat.api.credentials;

import io.tenantchat.shared.TenantId;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The DynamoDB client for one tenant's items. With scoped credentials on, every request made through
 * {@link #client(TenantId)} (and the enhanced client over it) is signed with that tenant's STS session credentials
 * ({@link TenantCredentialsProvider}); off, it is the service's own client (its task role). The tenant is always
 * the one the caller passes down the port, i.e. the verified token's tenant, never one read back from a key.
 * Calls that are not made for one tenant use the plain {@link DynamoDbClient} bean and so the task role.
 */
public final class TenantDynamoDb {

    private final DynamoDbClient serviceClient;
    /** Null when scoped credentials are off. */
    private final @Nullable TenantCredentialsProvider credentials;
    private final Map<TenantId, DynamoDbEnhancedClient> enhanced = new ConcurrentHashMap<>();

    private TenantDynamoDb(DynamoDbClient serviceClient, @Nullable TenantCredentialsProvider credentials) {
        this.serviceClient = Objects.requireNonNull(serviceClient, "serviceClient");
        this.credentials = credentials;
    }

    /** Scoped credentials off: every tenant's calls use the service's own credentials. */
    public static TenantDynamoDb serviceCredentials(DynamoDbClient client) {
        return new TenantDynamoDb(client, null);
    }

    /** Scoped credentials on: each tenant's calls are signed with that tenant's credentials. */
    public static TenantDynamoDb scoped(DynamoDbClient client, TenantCredentialsProvider credentials) {
        return new TenantDynamoDb(client, Objects.requireNonNull(credentials, "credentials"));
    }

    public boolean isScoped() {
        return credentials != null;
    }

    /**
     * A client whose every item call is signed for {@code tenantId} (when scoped) and marked as a tenant's call in
     * the AWS call log either way. Only item calls: anything else is {@link UnsupportedOperationException}, scoped
     * or not, so a path that would fail only on a scoped deployment fails in every test too.
     */
    public DynamoDbClient client(TenantId tenantId) {
        Objects.requireNonNull(tenantId, "tenantId");
        return new TenantSignedDynamoDbClient(serviceClient, credentials == null ? null : credentials.forTenant(tenantId));
    }

    /** The enhanced client over {@link #client(TenantId)}. */
    public DynamoDbEnhancedClient enhanced(TenantId tenantId) {
        Objects.requireNonNull(tenantId, "tenantId");
        return enhanced.computeIfAbsent(tenantId, t -> DynamoDbEnhancedClient.builder().dynamoDbClient(client(t)).build());
    }
}
