package io.tenantchat.api.profile.config;

import io.tenantchat.api.audit.application.AuditRecorder;
import io.tenantchat.api.profile.application.ProfileChanges;
import io.tenantchat.api.profile.application.ProfileService;
import io.tenantchat.api.profile.application.TenantProfiles;
import io.tenantchat.api.profile.domain.ProfileBounds;
import io.tenantchat.api.profile.domain.ProfileField;
import io.tenantchat.api.tenant.application.PlanChanges;
import io.tenantchat.api.tenant.config.TenantProperties;
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
    ProfileBounds profileBounds(ModelsProperties models, TenantProperties tenants) {
        return new ProfileBounds(models.allowed(), outputCeiling(models, tenants.reserve().maxOutputTokens()),
                models.provider(), HONOURED.getOrDefault(models.provider(), Set.of()));
    }

    /**
     * The largest {@code max_output_tokens} a profile may set. Admission reserves {@code reserved} output tokens per
     * message ({@code tenantchat.tenants.reserve.max-output-tokens}, the deployment's {@code BEDROCK_MAX_TOKENS})
     * before it is queued, so a profile allowed more could spend past its tenant's token budget: such a deployment
     * does not start.
     */
    static int outputCeiling(ModelsProperties models, int reserved) {
        if (models.maxOutputTokens() > reserved) {
            throw new IllegalStateException(("tenantchat.models.max-output-tokens (PROFILE_MAX_OUTPUT_TOKENS=%d) is above "
                    + "the output tokens admission reserves per message (tenantchat.tenants.reserve.max-output-tokens, "
                    + "BEDROCK_MAX_TOKENS=%d): raise BEDROCK_MAX_TOKENS or lower PROFILE_MAX_OUTPUT_TOKENS")
                    .formatted(models.maxOutputTokens(), reserved));
        }
        return models.maxOutputTokens();
    }

    /**
     * A saved profile is announced on the plan-change channel: the tenant feature's plan cache holds the profile's
     * retention, and every api instance drops a tenant's cached plan when it hears of it.
     */
    @Bean
    ProfileChanges profileChanges(PlanChanges planChanges) {
        return planChanges::publish;
    }

    @Bean
    ProfileService profileService(TenantProfiles profiles, ProfileBounds bounds, Clock clock, AuditRecorder audit,
            ProfileChanges changes) {
        return new ProfileService(profiles, bounds, clock, audit, changes);
    }
}
