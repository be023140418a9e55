package io.tenantchat.localstack.provision;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeDataType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientDescription;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolDescriptionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameAttributeType;

/**
 * Finds or creates the user pool (email as username, custom attribute {@code tenant_id}), its app client
 * {@value #CLIENT_NAME} and the groups {@link #GROUPS}. Idempotent.
 */
public final class UserPoolSetup {

    public static final String CLIENT_NAME = "tenantchat-web";
    public static final List<String> GROUPS = List.of("tenant-admin", "platform-operator");
    private static final int PAGE_SIZE = 60;

    private UserPoolSetup() {}

    public static UserPool ensureUserPool(CognitoIdentityProviderClient cognito, String poolName) {
        String poolId = findPool(cognito, poolName).orElseGet(() -> createPool(cognito, poolName));
        String clientId = findClient(cognito, poolId).orElseGet(() -> createClient(cognito, poolId));
        ensureGroups(cognito, poolId);
        return new UserPool(poolId, clientId);
    }

    private static Optional<String> findPool(CognitoIdentityProviderClient cognito, String poolName) {
        return cognito.listUserPoolsPaginator(request -> request.maxResults(PAGE_SIZE)).userPools().stream()
                .filter(pool -> poolName.equals(pool.name()))
                .map(UserPoolDescriptionType::id)
                .findFirst();
    }

    private static String createPool(CognitoIdentityProviderClient cognito, String poolName) {
        return cognito.createUserPool(request -> request.poolName(poolName)
                        .usernameAttributes(UsernameAttributeType.EMAIL)
                        .schema(SchemaAttributeType.builder()
                                .name("tenant_id")
                                .attributeDataType(AttributeDataType.STRING)
                                .mutable(false)
                                .build()))
                .userPool()
                .id();
    }

    private static Optional<String> findClient(CognitoIdentityProviderClient cognito, String poolId) {
        return cognito.listUserPoolClientsPaginator(request -> request.userPoolId(poolId).maxResults(PAGE_SIZE))
                .userPoolClients().stream()
                .filter(client -> CLIENT_NAME.equals(client.clientName()))
                .map(UserPoolClientDescription::clientId)
                .findFirst();
    }

    private static String createClient(CognitoIdentityProviderClient cognito, String poolId) {
        return cognito.createUserPoolClient(request -> request.userPoolId(poolId)
                        .clientName(CLIENT_NAME)
                        .generateSecret(false)
                        .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_ADMIN_USER_PASSWORD_AUTH,
                                ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                                ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH,
                                ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH))
                .userPoolClient()
                .clientId();
    }

    // ListGroups, not GetGroup: cognito-local answers GetGroup with a 500 while a pool has no groups
    private static void ensureGroups(CognitoIdentityProviderClient cognito, String poolId) {
        Set<String> existing = cognito.listGroupsPaginator(request -> request.userPoolId(poolId).limit(PAGE_SIZE))
                .groups().stream()
                .map(GroupType::groupName)
                .collect(Collectors.toSet());
        GROUPS.stream()
                .filter(group -> !existing.contains(group))
                .forEach(group -> cognito.createGroup(request -> request.userPoolId(poolId).groupName(group)));
    }
}
