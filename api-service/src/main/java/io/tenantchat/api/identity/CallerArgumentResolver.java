package io.tenantchat.api.identity;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Resolves a {@link Caller} controller parameter from the verified JWT or API key of the current request. */
public final class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    private final String tenantClaim;

    public CallerArgumentResolver(String tenantClaim) {
        this.tenantClaim = tenantClaim;
    }

    /**
     * The caller a verified token stands for, by the same rules as a controller's {@link Caller} parameter; empty
     * when the token carries no valid tenant or subject. For callers outside MVC (the WebSocket).
     */
    public static Optional<Caller> callerOf(Jwt jwt, String tenantClaim) {
        return CallerClaims.callerOf(jwt, tenantClaim);
    }

    /**
     * The caller of an authenticated request: from a verified token's claims, or the caller an API key stands for
     * ({@link CallerAuthentication}); empty for anything else.
     */
    public static Optional<Caller> callerOf(@Nullable Authentication authentication, String tenantClaim) {
        if (authentication instanceof JwtAuthenticationToken token) {
            return CallerClaims.callerOf(token.getToken(), tenantClaim);
        }
        return authentication instanceof CallerAuthentication key ? Optional.of(key.caller()) : Optional.empty();
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return Caller.class.equals(parameter.getParameterType());
    }

    @Override
    public Caller resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer mav,
            NativeWebRequest request, @Nullable WebDataBinderFactory binderFactory) {
        return callerOf(SecurityContextHolder.getContext().getAuthentication(), tenantClaim)
                .orElseThrow(() -> new AccessDeniedException("a verified token with a valid tenant is required"));
    }
}
