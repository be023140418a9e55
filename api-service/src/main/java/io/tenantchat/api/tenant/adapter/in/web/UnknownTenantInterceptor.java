package io.tenantchat.api.tenant.adapter.in.web;

import io.tenantchat.api.identity.CallerArgumentResolver;
import io.tenantchat.api.tenant.application.KnownTenants;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;

/**
 * Refuses every tenant endpoint ({@code /api/**} but the platform operator's {@code /api/admin/**} and
 * {@code /api/operator/**}, which hold no tenant's data and register tenants) with 403 {@code unknown_tenant} when
 * the caller's tenant is not registered and {@code UNKNOWN_TENANTS=refuse}. The refusal is a
 * {@link io.tenantchat.api.error.ForbiddenException}, answered as problem JSON like any other.
 */
public final class UnknownTenantInterceptor implements HandlerInterceptor {

    private final KnownTenants known;
    private final String tenantClaim;

    public UnknownTenantInterceptor(KnownTenants known, String tenantClaim) {
        this.known = known;
        this.tenantClaim = tenantClaim;
    }

    /** Puts the gate in front of the tenant endpoints. */
    public void register(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**")
                .excludePathPatterns("/api/admin/**", "/api/operator/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        CallerArgumentResolver.callerOf(SecurityContextHolder.getContext().getAuthentication(), tenantClaim)
                .ifPresent(caller -> known.require(caller.tenantId()));
        return true;
    }
}
