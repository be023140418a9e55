package io.tenantchat.api.config;

import java.time.Duration;
import java.util.List;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/** Security headers and CORS for an API that browsers may call but must never render or frame. */
final class WebHardening {

    /** Nothing of an API answer may run, load or be framed. */
    static final String API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    /** Swagger UI loads its own scripts and styles (some inline styles) and calls the API document. */
    static final String DOCS_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    private static final long HSTS_MAX_AGE_SECONDS = Duration.ofDays(365).toSeconds();

    private WebHardening() {
    }

    /** {@code clientCsp} goes on the browser client's page and assets ({@code /}, {@code /index.html}, {@code /assets/**}). */
    static void securityHeaders(HeadersConfigurer<?> headers, String clientCsp) {
        RequestMatcher docs = new OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**"),
                PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui.html"));
        RequestMatcher client = new OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/"),
                PathPatternRequestMatcher.withDefaults().matcher("/index.html"),
                PathPatternRequestMatcher.withDefaults().matcher("/assets/**"));
        headers.contentTypeOptions(options -> { })
                .frameOptions(frame -> frame.deny())
                // TLS ends at the load balancer, so the request the service sees is plain HTTP: send HSTS always
                .httpStrictTransportSecurity(hsts -> hsts.requestMatcher(AnyRequestMatcher.INSTANCE)
                        .includeSubDomains(true).maxAgeInSeconds(HSTS_MAX_AGE_SECONDS))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                        new NegatedRequestMatcher(new OrRequestMatcher(docs, client)),
                        new ContentSecurityPolicyHeaderWriter(API_CSP)))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(client, new ContentSecurityPolicyHeaderWriter(clientCsp)))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(docs, new ContentSecurityPolicyHeaderWriter(DOCS_CSP)));
    }

    /** CORS only for the configured origins; with none configured no cross-origin call is allowed. */
    static CorsConfigurationSource corsSource(WebProperties web) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (web.allowedOrigins().isEmpty()) {
            return source;
        }
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(web.allowedOrigins());
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key"));
        cors.setExposedHeaders(List.of("Location", "Retry-After"));
        cors.setAllowCredentials(false);
        cors.setMaxAge(Duration.ofHours(1));
        source.registerCorsConfiguration("/api/**", cors);
        return source;
    }
}
