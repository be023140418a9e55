package io.tenantchat.api.identity;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.SecurityContext;
import java.util.List;

/**
 * When the refetch for an unknown key id is rate limited, the key is simply unknown: the token is refused as
 * invalid (401), not reported as a key-source failure (which the resource server turns into a 500).
 */
final class RefetchLimitedJwkSource implements JWKSource<SecurityContext> {

    private final JWKSource<SecurityContext> delegate;

    RefetchLimitedJwkSource(JWKSource<SecurityContext> delegate) {
        this.delegate = delegate;
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
        try {
            return delegate.get(selector, context);
        } catch (RateLimitReachedException e) {
            return List.of();
        }
    }
}
