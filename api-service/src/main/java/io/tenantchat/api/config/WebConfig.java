package io.tenantchat.api.config;

import io.tenantchat.api.identity.AuthProperties;
import io.tenantchat.api.identity.CallerLogContextFilter;
import io.tenantchat.api.web.ProblemErrorReportValve;
import io.tenantchat.api.web.RequestBodyLimitFilter;
import org.apache.catalina.Lifecycle;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Request hardening: the body size limit (checked before any body is read), strict JSON for request bodies, and problem JSON
 * for the errors Tomcat answers itself.
 */
@Configuration(proxyBeanMethods = false)
public class WebConfig {

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimit(WebProperties web) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestBodyLimitFilter(web.maxRequestBody().toBytes()));
        // after Spring Security: anonymous bodies are refused (401) unread anyway, and the 413 gets the security headers
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 10);
        return registration;
    }

    /** The verified caller's tenant and user in every log line of the request's work (docs/runbook.md "Logs and traces"). */
    @Bean
    FilterRegistrationBean<CallerLogContextFilter> callerLogContext(AuthProperties auth) {
        FilterRegistrationBean<CallerLogContextFilter> registration =
                new FilterRegistrationBean<>(new CallerLogContextFilter(auth.tenantClaim()));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 5);
        return registration;
    }

    /** Errors Tomcat answers itself (before any servlet) are problem JSON too. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorPages() {
        return factory -> factory.addContextCustomizers(context -> context.addLifecycleListener(event -> {
            if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                ProblemErrorReportValve.install(context.getParent());
            }
        }));
    }

    /**
     * Request bodies are parsed strictly: unknown or duplicated properties, a null for a number and trailing
     * content are 400s. Only HTTP bodies: other JSON this service reads keeps the lenient shared mapper.
     */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    WebMvcConfigurer strictJsonBodies(JsonMapper jsonMapper) {
        JsonMapper strict = jsonMapper.rebuild()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        return new WebMvcConfigurer() {
            @Override
            public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
                builder.withJsonConverter(new JacksonJsonHttpMessageConverter(strict));
            }
        };
    }
}
