package io.tenantchat.api.stream.adapter.in.ws;

import io.tenantchat.api.config.AuthProperties;
import io.tenantchat.api.identity.Caller;
import io.tenantchat.api.identity.CallerArgumentResolver;
import java.time.Instant;
import java.util.Optional;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;

/**
 * Verifies a socket's ID token with the same decoder and caller rules as the REST API: the tenant comes from the
 * verified token only.
 */
@Component
class SocketAuthenticator {

    private final JwtDecoder decoder;
    private final String tenantClaim;

    SocketAuthenticator(JwtDecoder decoder, AuthProperties auth) {
        this.decoder = decoder;
        this.tenantClaim = auth.tenantClaim();
    }

    /** The caller and until when the token is valid; empty for a missing, invalid or tenant-less token. */
    Optional<Authenticated> authenticate(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        Jwt jwt;
        try {
            jwt = decoder.decode(token);
        } catch (JwtException e) {
            return Optional.empty();
        }
        Instant expiresAt = jwt.getExpiresAt() == null ? Instant.MAX : jwt.getExpiresAt();
        return CallerArgumentResolver.callerOf(jwt, tenantClaim).map(caller -> new Authenticated(caller, expiresAt));
    }

    /** A verified caller; the socket is closed when the token expires. */
    record Authenticated(Caller caller, Instant expiresAt) {}
}
