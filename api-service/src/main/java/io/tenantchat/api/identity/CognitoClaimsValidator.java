package io.tenantchat.api.identity;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * {@code token_use} and app client: an ID token's {@code aud}, or (when accepted) an access token's
 * {@code client_id}, must be one of the configured app clients.
 */
final class CognitoClaimsValidator implements OAuth2TokenValidator<Jwt> {

    static final String TOKEN_USE = "token_use";
    static final String CLIENT_ID = "client_id";

    private final Set<String> clientIds;
    private final boolean acceptAccessTokens;

    CognitoClaimsValidator(Set<String> clientIds, boolean acceptAccessTokens) {
        this.clientIds = Set.copyOf(clientIds);
        this.acceptAccessTokens = acceptAccessTokens;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
        String tokenUse = jwt.getClaimAsString(TOKEN_USE);
        if ("id".equals(tokenUse)) {
            return check(audienceAllowed(jwt.getAudience()), "the token is not for an accepted app client");
        }
        if ("access".equals(tokenUse) && acceptAccessTokens) {
            String clientId = jwt.getClaimAsString(CLIENT_ID);
            // an immutable set's contains(null) throws, which would be a 500 instead of a refusal
            return check(clientId != null && clientIds.contains(clientId), "the token is not for an accepted app client");
        }
        return failure("the token_use is not accepted");
    }

    private boolean audienceAllowed(@Nullable List<String> audience) {
        return audience != null && audience.stream().anyMatch(clientIds::contains);
    }

    private static OAuth2TokenValidatorResult check(boolean ok, String description) {
        return ok ? OAuth2TokenValidatorResult.success() : failure(description);
    }

    private static OAuth2TokenValidatorResult failure(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
    }
}
