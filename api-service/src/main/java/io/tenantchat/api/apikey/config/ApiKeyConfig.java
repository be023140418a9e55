package io.tenantchat.api.apikey.config;

import io.tenantchat.api.apikey.application.ApiKeyAuthenticator;
import io.tenantchat.api.apikey.application.ApiKeyLookup;
import io.tenantchat.api.apikey.application.ApiKeyService;
import io.tenantchat.api.apikey.application.ApiKeyStore;
import io.tenantchat.api.audit.application.AuditRecorder;
import java.security.SecureRandom;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the API key use cases; the central {@code config.SecurityConfig} hands bearer tokens shaped like keys to the authenticator. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiKeyProperties.class)
class ApiKeyConfig {

    @Bean
    ApiKeyAuthenticator apiKeyAuthenticator(ApiKeyLookup store, Clock clock, ApiKeyProperties properties) {
        return new ApiKeyAuthenticator(store, clock, properties.cacheTtl(), properties.markUsedEvery());
    }

    @Bean
    ApiKeyService apiKeyService(ApiKeyStore store, ApiKeyAuthenticator authenticator, Clock clock,
            AuditRecorder audit) {
        return new ApiKeyService(store, authenticator, clock, new SecureRandom(), audit);
    }
}
