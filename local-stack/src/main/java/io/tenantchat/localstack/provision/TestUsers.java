package io.tenantchat.localstack.provision;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;

/**
 * Creates a user in a tenant (or reuses it), sets its password as permanent and signs it in with
 * {@code ADMIN_USER_PASSWORD_AUTH}. Works against cognito-local and a real pool whose client allows that flow.
 */
public final class TestUsers {

    /** The password of the local demo and test users: local stand-ins only. */
    public static final String DEV_PASSWORD = "Local-dev-passw0rd";
    public static final String TENANT_ATTRIBUTE = "custom:tenant_id";

    private TestUsers() {}

    public static TestUser createOrSignIn(CognitoIdentityProviderClient cognito, UserPool pool, String tenantId,
            String email, String password) {
        Map<String, String> attributes = existingAttributes(cognito, pool, email);
        if (attributes == null) {
            create(cognito, pool, tenantId, email);
            attributes = existingAttributes(cognito, pool, email);
        } else {
            requireSameTenant(attributes, tenantId, email);
        }
        cognito.adminSetUserPassword(request -> request.userPoolId(pool.poolId()).username(email)
                .password(password).permanent(true));
        AuthenticationResultType tokens = signIn(cognito, pool, email, password);
        return new TestUser(tenantId, attributes.get("sub"), email, tokens.idToken(), tokens.accessToken());
    }

    /** Puts the user in {@code group} (created when missing) and signs it in again, so its ID token lists the group. */
    public static TestUser addToGroup(CognitoIdentityProviderClient cognito, UserPool pool, TestUser user, String group,
            String password) {
        try {
            cognito.getGroup(request -> request.userPoolId(pool.poolId()).groupName(group));
        } catch (ResourceNotFoundException absent) {
            cognito.createGroup(request -> request.userPoolId(pool.poolId()).groupName(group));
        }
        cognito.adminAddUserToGroup(request -> request.userPoolId(pool.poolId()).username(user.email()).groupName(group));
        AuthenticationResultType tokens = signIn(cognito, pool, user.email(), password);
        return new TestUser(user.tenantId(), user.userId(), user.email(), tokens.idToken(), tokens.accessToken());
    }

    private static Map<String, String> existingAttributes(CognitoIdentityProviderClient cognito, UserPool pool,
            String email) {
        try {
            return cognito.adminGetUser(request -> request.userPoolId(pool.poolId()).username(email))
                    .userAttributes().stream()
                    .collect(Collectors.toMap(AttributeType::name, AttributeType::value));
        } catch (UserNotFoundException absent) {
            return null;
        }
    }

    private static void create(CognitoIdentityProviderClient cognito, UserPool pool, String tenantId, String email) {
        cognito.adminCreateUser(request -> request.userPoolId(pool.poolId())
                .username(email)
                .messageAction(MessageActionType.SUPPRESS)
                .userAttributes(List.of(attribute("email", email), attribute("email_verified", "true"),
                        attribute(TENANT_ATTRIBUTE, tenantId))));
    }

    private static void requireSameTenant(Map<String, String> attributes, String tenantId, String email) {
        String existingTenant = attributes.get(TENANT_ATTRIBUTE);
        if (!tenantId.equals(existingTenant)) {
            throw new IllegalStateException("user " + email + " already exists in tenant '" + existingTenant
                    + "', not in '" + tenantId + "': use another email");
        }
    }

    private static AuthenticationResultType signIn(CognitoIdentityProviderClient cognito, UserPool pool, String email,
            String password) {
        return cognito.adminInitiateAuth(request -> request.userPoolId(pool.poolId())
                        .clientId(pool.clientId())
                        .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH)
                        .authParameters(Map.of("USERNAME", email, "PASSWORD", password)))
                .authenticationResult();
    }

    private static AttributeType attribute(String name, String value) {
        return AttributeType.builder().name(name).value(value).build();
    }
}
