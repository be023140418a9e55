package io.tenantchat.api.openai.config;

import io.tenantchat.api.chat.application.SubmitChatMessageUseCase;
import io.tenantchat.api.openai.application.AllowedModels;
import io.tenantchat.api.openai.application.CompletionService;
import io.tenantchat.api.openai.application.TenantModels;
import io.tenantchat.api.profile.config.ModelsProperties;
import io.tenantchat.api.session.application.SessionRepository;
import io.tenantchat.api.tenant.application.TenantPlans;
import java.time.Clock;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the OpenAI-compatible API's use case ({@code tenantchat.openai.*}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OpenAiProperties.class)
class OpenAiConfig {

    /**
     * The one place that says which models a tenant may name on {@code /v1}: the {@code /v1} allowlist, the models a
     * tenant profile may choose ({@code tenantchat.models.allowed}) and the tenant plan's {@code model_override}.
     */
    @Bean
    TenantModels tenantModels(OpenAiProperties openai, ModelsProperties models, TenantPlans plans) {
        return new AllowedModels(Stream.concat(openai.allowedModels().stream(), models.allowed().stream())
                .distinct().toList(), tenantId -> Optional.ofNullable(plans.of(tenantId).modelOverride()));
    }

    @Bean
    CompletionService completionService(TenantModels models, SessionRepository sessions,
            SubmitChatMessageUseCase submit, Clock clock) {
        return new CompletionService(models, sessions, submit, clock);
    }
}
