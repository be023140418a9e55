package io.tenantchat.api.config;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Cognito token verification settings.
 *
 * @param issuerUri the pool's issuer ({@code https://cognito-idp.<region>.amazonaws.com/<poolId>})
 * @param jwkSetUri where the pool's public keys are; defaults to {@code <issuer>/.well-known/jwks.json}
 * @param clientIds app client ids accepted as the ID token's audience
 * @param tenantClaim the claim carrying the tenant id
 */
@Validated
@ConfigurationProperties("tenantchat.auth")
public record AuthProperties(@NotBlank String issuerUri, String jwkSetUri, @NotEmpty List<@NotBlank String> clientIds,
        @NotBlank String tenantClaim) {

    public String effectiveJwkSetUri() {
        return jwkSetUri == null || jwkSetUri.isBlank() ? issuerUri + "/.well-known/jwks.json" : jwkSetUri;
    }
}
