package io.tenantchat.api.profile.config;

import io.tenantchat.api.profile.application.ProfileService;
import io.tenantchat.api.profile.application.TenantProfiles;
import io.tenantchat.api.profile.domain.ProfileBounds;
import io.tenantchat.api.profile.domain.ProfileField;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Turns {@code tenantchat.models.*} into the bounds of tenant profiles and builds the profile use cases. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ModelsProperties.class, ProfileTableProperties.class})
class ProfileConfig {

    /**
     * What each model provider of the worker applies to every reply. Bedrock Converse takes them all; an
     * OpenAI-compatible server has no guardrails; an AgentCore runtime gets the system prompt, the conversation and
     * {@code max_tokens} in its payload but picks its own model; a Bedrock Agent has its own instructions, model,
     * memory and guardrail, so a profile cannot steer it and any setting is refused.
     */
    static final Map<String, Set<String>> HONOURED = Map.of(
            "bedrock", ProfileField.ALL,
            "openai", Set.of(ProfileField.SYSTEM_PROMPT, ProfileField.MODEL, ProfileField.MAX_OUTPUT_TOKENS,
                    ProfileField.TEMPERATURE, ProfileField.HISTORY),
            "bedrock-agent", Set.of(),
            "agentcore", Set.of(ProfileField.SYSTEM_PROMPT, ProfileField.MAX_OUTPUT_TOKENS, ProfileField.HISTORY));

    @Bean
    ProfileBounds profileBounds(ModelsProperties models) {
        return new ProfileBounds(models.allowed(), models.maxOutputTokens(), models.provider(),
                HONOURED.getOrDefault(models.provider(), Set.of()));
    }

    @Bean
    ProfileService profileService(TenantProfiles profiles, ProfileBounds bounds, Clock clock) {
        return new ProfileService(profiles, bounds, clock);
    }
}
