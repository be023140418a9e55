package io.tenantchat.api.config;

import io.tenantchat.api.apikey.adapter.in.web.ApiKeyAuthenticationProvider;
import io.tenantchat.api.apikey.application.ApiKeyAuthenticator;
import io.tenantchat.api.identity.AuthProperties;
import io.tenantchat.api.identity.CallerArgumentResolver;
import io.tenantchat.api.identity.CognitoJwtDecoders;
import io.tenantchat.api.identity.TenantAuthorities;
import io.tenantchat.api.web.OpenAiErrorResponses;
import io.tenantchat.api.web.ProblemResponses;
import io.tenantchat.api.webclient.ClientContentSecurityPolicy;
import io.tenantchat.api.webclient.WebClientProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Stateless resource server: every {@code /api/**} and {@code /v1/**} (OpenAI-compatible) call needs a verified Cognito token with a valid tenant, or an
 * API key of a tenant ({@code Authorization: Bearer tck_...}, which acts as an ordinary member of its tenant);
 * {@code /api/tenants/*}{@code /sessions} and {@code /api/tenants/*}{@code /api-keys} also need the
 * {@code tenant-admin} group and
 * {@code /api/operator/**} and {@code /api/admin/**} the {@code platform-operator} group. Refusals are problem JSON,
 * on {@code /v1/**} OpenAI's error shape.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({AuthProperties.class, WebProperties.class, WebClientProperties.class})
public class SecurityConfig {

    static final String[] PUBLIC_DOCS = {"/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**"};
    /** The browser client's page, its bundled assets and its sign-in settings: no data, no token needed. */
    static final String[] PUBLIC_CLIENT = {"/", "/index.html", "/assets/**", "/client-config"};

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, AuthProperties auth, WebProperties web,
            WebClientProperties client, JwtDecoder jwtDecoder, ObjectProvider<ApiKeyAuthenticator> apiKeys)
            throws Exception {
        AuthenticationManagerResolver<HttpServletRequest> managers = managers(auth, jwtDecoder, apiKeys.getIfAvailable());
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .cors(cors -> cors.configurationSource(WebHardening.corsSource(web)))
                .authorizeHttpRequests(SecurityConfig::rules)
                .oauth2ResourceServer(o -> o
                        .authenticationManagerResolver(managers)
                        .authenticationEntryPoint(unauthorized())
                        .accessDeniedHandler(forbidden()))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized()).accessDeniedHandler(forbidden()))
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(c -> c.disable())
                .headers(headers -> WebHardening.securityHeaders(headers, ClientContentSecurityPolicy.of(client)));
        return http.build();
    }

    /**
     * A bearer token with an API key's prefix goes to the key provider (when keys are on), every other one to the
     * Cognito JWT provider exactly as before.
     */
    static AuthenticationManagerResolver<HttpServletRequest> managers(AuthProperties auth, JwtDecoder jwtDecoder,
            @Nullable ApiKeyAuthenticator apiKeysOrNull) {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(new TenantAuthorities(auth.tenantClaim()));
        JwtAuthenticationProvider jwt = new JwtAuthenticationProvider(jwtDecoder);
        jwt.setJwtAuthenticationConverter(converter);
        AuthenticationManager jwtManager = new ProviderManager(jwt);
        if (apiKeysOrNull == null) {
            return request -> jwtManager;
        }
        AuthenticationManager keyManager = new ProviderManager(new ApiKeyAuthenticationProvider(apiKeysOrNull));
        BearerTokenResolver bearer = new DefaultBearerTokenResolver();
        return request -> ApiKeyAuthenticationProvider.isKey(bearer.resolve(request)) ? keyManager : jwtManager;
    }

    private static void rules(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info", "/error").permitAll()
                // metrics carry tenant ids: platform operators (or a scraper with their token) only
                .requestMatchers("/actuator/prometheus").hasAuthority(TenantAuthorities.PLATFORM_OPERATOR)
                .requestMatchers(PUBLIC_DOCS).permitAll()
                .requestMatchers(HttpMethod.GET, PUBLIC_CLIENT).permitAll()
                // request counts and JVM figures are for the people who run the platform, not for tenants
                .requestMatchers("/actuator/metrics", "/actuator/metrics/**")
                .hasAuthority(TenantAuthorities.PLATFORM_OPERATOR)
                // the WebSocket handshake carries no header a browser can set: the socket authenticates itself
                .requestMatchers("/ws").permitAll()
                .requestMatchers("/api/operator/**", "/api/admin/**").hasAuthority(TenantAuthorities.PLATFORM_OPERATOR)
                .requestMatchers("/api/tenants/*/sessions", "/api/tenants/*/api-keys", "/api/tenants/*/api-keys/*")
                .access(AuthorizationManagers.allOf(
                        AuthorityAuthorizationManager.hasAuthority(TenantAuthorities.TENANT_MEMBER),
                        AuthorityAuthorizationManager.hasAuthority(TenantAuthorities.TENANT_ADMIN)))
                .requestMatchers("/api/**").hasAuthority(TenantAuthorities.TENANT_MEMBER)
                // the OpenAI-compatible API: the same tokens and keys, the same tenant membership
                .requestMatchers("/v1/**").hasAuthority(TenantAuthorities.TENANT_MEMBER)
                .anyRequest().denyAll();
    }

    @Bean
    JwtDecoder jwtDecoder(AuthProperties auth) {
        return CognitoJwtDecoders.decoder(auth.jwksPolicy(), auth.tokenPolicy());
    }

    @Bean
    WebMvcConfigurer callerResolver(AuthProperties auth) {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver(auth.tenantClaim()));
            }
        };
    }

    private static AuthenticationEntryPoint unauthorized() {
        return (request, response, e) -> {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            if (OpenAiErrorResponses.applies(request)) {
                OpenAiErrorResponses.write(response, HttpStatus.UNAUTHORIZED, "invalid_api_key",
                        "a valid API key or bearer token is required");
                return;
            }
            ProblemResponses.write(response, HttpStatus.UNAUTHORIZED, "unauthorized", "a valid bearer token is required");
        };
    }

    private static AccessDeniedHandler forbidden() {
        return (request, response, e) -> {
            if (OpenAiErrorResponses.applies(request)) {
                OpenAiErrorResponses.write(response, HttpStatus.FORBIDDEN, "forbidden",
                        "the key or token does not grant access to this resource");
                return;
            }
            ProblemResponses.write(response, HttpStatus.FORBIDDEN, "forbidden",
                    "the token does not grant access to this resource");
        };
    }
}
