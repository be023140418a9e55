package io.tenantchat.api.identity;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import java.net.MalformedURLException;
import java.net.URI;
import java.util.Collection;
import java.util.Set;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Verifies Cognito tokens as Cognito documents it: RS256 only (so {@code alg: none} and HS256 signed with the
 * public key are refused), a key from the pool's JWKS (cached; an unknown {@code kid} triggers a rate-limited
 * refetch, so key rotation needs no restart), {@code exp} required and {@code exp}/{@code nbf} checked with a
 * small skew, {@code iss}, {@code token_use} and the app client ({@link CognitoClaimsValidator}).
 */
public final class CognitoJwtDecoders {

    private static final int JWKS_SIZE_LIMIT = 51_200;

    private CognitoJwtDecoders() {
    }

    public static JwtDecoder decoder(JwksPolicy jwks, TokenPolicy policy) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(jwkSource(jwks))
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(validator(policy));
        return decoder;
    }

    /** ID tokens of {@code clientIds} from {@code issuer}, keys at {@code jwkSetUri}, default caching. */
    public static JwtDecoder idTokenDecoder(String jwkSetUri, String issuer, Collection<String> clientIds) {
        return decoder(JwksPolicy.defaults(URI.create(jwkSetUri)), TokenPolicy.idTokensOnly(issuer, Set.copyOf(clientIds)));
    }

    static OAuth2TokenValidator<Jwt> validator(TokenPolicy policy) {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(policy.clockSkew());
        timestamps.setAllowEmptyExpiryClaim(false);
        return new DelegatingOAuth2TokenValidator<>(timestamps, new JwtIssuerValidator(policy.issuer()),
                new CognitoClaimsValidator(policy.clientIds(), policy.acceptAccessTokens()));
    }

    static JWKSource<SecurityContext> jwkSource(JwksPolicy jwks) {
        int timeoutMillis = Math.toIntExact(jwks.timeout().toMillis());
        try {
            return new RefetchLimitedJwkSource(JWKSourceBuilder.<SecurityContext>create(jwks.uri().toURL(),
                            new DefaultResourceRetriever(timeoutMillis, timeoutMillis, JWKS_SIZE_LIMIT))
                    .cache(jwks.cacheTtl().toMillis(), jwks.timeout().toMillis())
                    .rateLimited(jwks.refetchMinInterval().toMillis())
                    .build());
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid JWKS URI: " + jwks.uri(), e);
        }
    }
}
