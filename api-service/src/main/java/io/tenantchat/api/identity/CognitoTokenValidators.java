package io.tenantchat.api.identity;

import java.util.Collection;
import java.util.List;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;

/** The checks Cognito documents for an ID token: signature (by the decoder), exp/nbf, iss, token_use, aud. */
public final class CognitoTokenValidators {

    private CognitoTokenValidators() {
    }

    public static OAuth2TokenValidator<Jwt> idToken(String issuer, Collection<String> clientIds) {
        List<String> allowed = List.copyOf(clientIds);
        return new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(issuer),
                new JwtClaimValidator<String>("token_use", "id"::equals),
                new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.stream().anyMatch(allowed::contains)));
    }
}
