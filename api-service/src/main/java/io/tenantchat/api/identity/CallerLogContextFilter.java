package io.tenantchat.api.identity;

import io.tenantchat.observability.LogContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.MDC;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the verified caller's {@code tenant_id} and {@code user_id} in the log context of the request's work (runs
 * after Spring Security), and clears what the request's work added ({@code message_id}) when it ends.
 */
public final class CallerLogContextFilter extends OncePerRequestFilter {

    private final String tenantClaim;

    public CallerLogContextFilter(String tenantClaim) {
        this.tenantClaim = tenantClaim;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Caller> caller = caller();
        try (LogContext ignored = caller.map(c -> LogContext.of(LogContext.TENANT_ID, c.tenantId().value(),
                LogContext.USER_ID, c.userId().value())).orElseGet(LogContext::of)) {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(LogContext.MESSAGE_ID);
            MDC.remove(LogContext.SESSION_ID);
        }
    }

    private Optional<Caller> caller() {
        return CallerArgumentResolver.callerOf(SecurityContextHolder.getContext().getAuthentication(), tenantClaim);
    }
}
