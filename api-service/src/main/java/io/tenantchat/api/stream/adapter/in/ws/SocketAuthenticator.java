package io.tenantchat.api.stream.adapter.in.ws;

import io.tenantchat.api.identity.AuthProperties;
import io.tenantchat.api.error.ForbiddenException;
import io.tenantchat.api.identity.Caller;
import io.tenantchat.api.identity.CallerArgumentResolver;
import io.tenantchat.api.tenant.application.KnownTenants;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
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
    private final KnownTenants known;

    SocketAuthenticator(JwtDecoder decoder, AuthProperties auth, KnownTenants known) {
        this.decoder = decoder;
        this.tenantClaim = auth.tenantClaim();
        this.known = known;
    }

    /**
     * The caller and until when the token is valid; empty for a missing, invalid or tenant-less token.
     *
     * @throws ForbiddenException {@code unknown_tenant} for a valid token of a tenant that is refused as unknown
     */
    Optional<Authenticated> authenticate(@Nullable String token) {
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
        Optional<Caller> caller = CallerArgumentResolver.callerOf(jwt, tenantClaim);
        caller.ifPresent(c -> known.require(c.tenantId()));
        return caller.map(c -> new Authenticated(c, expiresAt));
    }

    /** A verified caller; the socket is closed when the token expires. */
    record Authenticated(Caller caller, Instant expiresAt) {}
}
