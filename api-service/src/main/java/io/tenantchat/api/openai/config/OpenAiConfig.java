package io.tenantchat.api.openai.config;

import io.tenantchat.api.chat.application.SubmitChatMessageUseCase;
import io.tenantchat.api.openai.application.AllowedModels;
import io.tenantchat.api.openai.application.CompletionService;
import io.tenantchat.api.openai.application.TenantModels;
import io.tenantchat.api.session.application.SessionRepository;
import io.tenantchat.api.tenant.application.TenantPlans;
import java.time.Clock;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the OpenAI-compatible API's use case ({@code tenantchat.openai.*}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OpenAiProperties.class)
class OpenAiConfig {

    /** The one place that says which models a tenant may use (issue 21's tenant profile narrows it here). */
    @Bean
    TenantModels tenantModels(OpenAiProperties openai, TenantPlans plans) {
        return new AllowedModels(openai.allowedModels(),
                tenantId -> Optional.ofNullable(plans.of(tenantId).modelOverride()));
    }

    @Bean
    CompletionService completionService(TenantModels models, SessionRepository sessions,
            SubmitChatMessageUseCase submit, Clock clock) {
        return new CompletionService(models, sessions, submit, clock);
    }
}
