package io.tenantchat.api.config;

import io.tenantchat.api.identity.CallerArgumentResolver;
import io.tenantchat.api.identity.CognitoJwtDecoders;
import io.tenantchat.api.identity.TenantAuthorities;
import io.tenantchat.api.web.ProblemResponses;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Stateless resource server: every {@code /api/**} call needs a verified Cognito ID token with a tenant. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuthProperties.class)
public class SecurityConfig {

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, AuthProperties auth) throws Exception {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(new TenantAuthorities(auth.tenantClaim()));
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info", "/error").permitAll()
                        // the WebSocket handshake carries no header a browser can set: the socket authenticates itself
                        .requestMatchers("/ws").permitAll()
                        .requestMatchers("/api/**").hasAuthority(TenantAuthorities.TENANT_MEMBER)
                        .anyRequest().denyAll())
                .oauth2ResourceServer(o -> o
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint((request, response, e) -> ProblemResponses.write(response,
                                HttpStatus.UNAUTHORIZED, "unauthorized", "a valid bearer token is required"))
                        .accessDeniedHandler((request, response, e) -> ProblemResponses.write(response,
                                HttpStatus.FORBIDDEN, "forbidden", "the token does not grant access to this resource")))
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) -> ProblemResponses.write(
                        response, HttpStatus.UNAUTHORIZED, "unauthorized", "a valid bearer token is required")))
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .headers(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    JwtDecoder jwtDecoder(AuthProperties auth) {
        return CognitoJwtDecoders.idTokenDecoder(auth.effectiveJwkSetUri(), auth.issuerUri(), auth.clientIds());
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
}
