package io.tenantchat.api.identity;

import java.util.Collection;
import java.util.List;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Verifies Cognito ID tokens as Cognito documents it: RS256 signature against the pool's JWKS (cached by
 * Nimbus; an unknown key id triggers a refetch), {@code exp}/{@code nbf} with 60 s skew, {@code iss},
 * {@code token_use = id} and {@code aud} among the configured app clients.
 */
public final class CognitoJwtDecoders {

    private CognitoJwtDecoders() {
    }

    public static JwtDecoder idTokenDecoder(String jwkSetUri, String issuer, Collection<String> clientIds) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwkSetUri)
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(idTokenValidator(issuer, clientIds));
        return decoder;
    }

    static OAuth2TokenValidator<Jwt> idTokenValidator(String issuer, Collection<String> clientIds) {
        List<String> allowed = List.copyOf(clientIds);
        return new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(issuer),
                new JwtClaimValidator<String>("token_use", "id"::equals),
                new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.stream().anyMatch(allowed::contains)));
    }
}
