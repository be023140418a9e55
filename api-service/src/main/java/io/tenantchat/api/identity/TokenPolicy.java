package io.tenantchat.api.identity;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * What a Cognito token must satisfy besides its signature.
 *
 * @param issuer the expected {@code iss}
 * @param clientIds app clients accepted as the ID token's {@code aud} or the access token's {@code client_id}
 * @param acceptAccessTokens whether {@code token_use=access} is accepted (only useful when a pre-token-generation
 *     trigger puts the tenant claim into access tokens; a token without a tenant is refused either way)
 * @param clockSkew tolerance for {@code exp} and {@code nbf}
 */
public record TokenPolicy(String issuer, Set<String> clientIds, boolean acceptAccessTokens, Duration clockSkew) {

    public TokenPolicy {
        Objects.requireNonNull(issuer, "issuer");
        clientIds = Set.copyOf(clientIds);
        Objects.requireNonNull(clockSkew, "clockSkew");
        if (clientIds.isEmpty()) {
            throw new IllegalArgumentException("at least one app client id is required");
        }
        if (clockSkew.isNegative()) {
            throw new IllegalArgumentException("clock skew must not be negative");
        }
    }

    /** ID tokens only, with 60 s skew: Cognito's documented checks. */
    public static TokenPolicy idTokensOnly(String issuer, Set<String> clientIds) {
        return new TokenPolicy(issuer, clientIds, false, Duration.ofSeconds(60));
    }
}
