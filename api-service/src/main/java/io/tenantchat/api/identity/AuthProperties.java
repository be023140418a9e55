package io.tenantchat.api.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Cognito token verification settings.
 *
 * @param issuerUri the pool's issuer ({@code https://cognito-idp.<region>.amazonaws.com/<poolId>})
 * @param jwkSetUri where the pool's public keys are; defaults to {@code <issuer>/.well-known/jwks.json}
 * @param clientIds app client ids accepted as the ID token's {@code aud} (or access token's {@code client_id})
 * @param tenantClaim the claim carrying the tenant id
 * @param acceptAccessTokens accept {@code token_use=access} too (they still need the tenant claim, which Cognito
 *     adds to access tokens only through a pre-token-generation trigger)
 * @param clockSkew tolerance for {@code exp}/{@code nbf}
 * @param jwksCacheTtl how long fetched signing keys are used before they are fetched again
 * @param jwksRefetchMinInterval unknown key ids trigger a refetch at most twice per this interval
 */
@Validated
@ConfigurationProperties("tenantchat.auth")
public record AuthProperties(@NotBlank String issuerUri, @Nullable String jwkSetUri,
        @NotEmpty List<@NotBlank String> clientIds, @NotBlank String tenantClaim,
        @DefaultValue("false") boolean acceptAccessTokens, @DefaultValue("60s") Duration clockSkew,
        @DefaultValue("5m") Duration jwksCacheTtl, @DefaultValue("30s") Duration jwksRefetchMinInterval) {

    public String effectiveJwkSetUri() {
        return jwkSetUri == null || jwkSetUri.isBlank() ? issuerUri + "/.well-known/jwks.json" : jwkSetUri;
    }

    public TokenPolicy tokenPolicy() {
        return new TokenPolicy(issuerUri, Set.copyOf(clientIds), acceptAccessTokens, clockSkew);
    }

    public JwksPolicy jwksPolicy() {
        JwksPolicy defaults = JwksPolicy.defaults(URI.create(effectiveJwkSetUri()));
        return new JwksPolicy(defaults.uri(), jwksCacheTtl, jwksRefetchMinInterval, defaults.timeout());
    }
}
