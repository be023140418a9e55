package io.tenantchat.api.identity;

import java.util.List;
import java.util.Set;
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
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.UserId;

/** Resolves a {@link Caller} controller parameter from the verified JWT of the current request. */
public final class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    private final String tenantClaim;

    public CallerArgumentResolver(String tenantClaim) {
        this.tenantClaim = tenantClaim;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return Caller.class.equals(parameter.getParameterType());
    }

    @Override
    public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer mav,
            NativeWebRequest request, WebDataBinderFactory binderFactory) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            throw new AccessDeniedException("a verified token is required");
        }
        return callerOf(token.getToken());
    }

    Caller callerOf(Jwt jwt) {
        String tenant = jwt.getClaimAsString(tenantClaim);
        if (!TenantId.isValid(tenant) || !UserId.isValid(jwt.getSubject())) {
            throw new AccessDeniedException("the token carries no valid tenant");
        }
        List<String> groups = jwt.getClaimAsStringList("cognito:groups");
        return new Caller(TenantId.of(tenant), UserId.of(jwt.getSubject()), groups == null ? Set.of() : Set.copyOf(groups));
    }
}
