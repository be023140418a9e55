package io.tenantchat.api.apikey.adapter.in.web;

import io.tenantchat.api.apikey.application.ApiKeyAuthenticator;
import io.tenantchat.api.apikey.domain.ApiKeySecret;
import io.tenantchat.api.identity.CallerAuthentication;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * Authenticates a bearer token that has an API key's prefix ({@code tck_}); other bearer tokens are left to the
 * Cognito JWT provider. An unknown, wrong, revoked, expired or malformed key is an invalid token (401). The
 * exception names no part of the key.
 */
public final class ApiKeyAuthenticationProvider implements AuthenticationProvider {

    private final ApiKeyAuthenticator authenticator;

    public ApiKeyAuthenticationProvider(ApiKeyAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    /** Whether a bearer token is meant as an API key, so that this provider (not the JWT one) decides it. */
    public static boolean isKey(String bearer) {
        return ApiKeySecret.looksLikeKey(bearer);
    }

    @Override
    public @Nullable Authentication authenticate(Authentication authentication) {
        String bearer = ((BearerTokenAuthenticationToken) authentication).getToken();
        if (!isKey(bearer)) {
            return null;
        }
        return authenticator.authenticate(bearer).map(CallerAuthentication::new)
                .orElseThrow(() -> new InvalidBearerTokenException("the API key is not valid"));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return BearerTokenAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
