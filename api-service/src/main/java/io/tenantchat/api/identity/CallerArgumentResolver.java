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

/** Resolves a {@link Caller} controller parameter from the verified JWT of the current request. */
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

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return Caller.class.equals(parameter.getParameterType());
    }

    @Override
    public Caller resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer mav,
            NativeWebRequest request, @Nullable WebDataBinderFactory binderFactory) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            throw new AccessDeniedException("a verified token is required");
        }
        return CallerClaims.callerOf(token.getToken(), tenantClaim)
                .orElseThrow(() -> new AccessDeniedException("the token carries no valid tenant"));
    }
}
