package io.tenantchat.worker.reply.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The model provider and how it is called ({@code tenantchat.model.*}). Which provider answers follows from what
 * is set, see {@link ModelProvider#select}; a blank value counts as unset.
 *
 * @param modelId Bedrock model id, inference profile id or ARN (Bedrock Converse only)
 * @param maxTokens upper bound of reply tokens, sent with every call where the provider takes one
 * @param temperature sampling temperature (Bedrock Converse and OpenAI-compatible)
 * @param callTimeout longest a whole streamed reply may take (the lease keeper renews the job's visibility meanwhile)
 * @param readTimeout longest silence between two reads of the stream (AWS providers)
 * @param agentId Bedrock Agent id; with {@code agentAliasId} selects the Bedrock Agent provider
 * @param agentAliasId alias of that agent, e.g. {@code TSTALIASID} for its draft
 * @param agentEnableTrace asks the agent for its trace, the only place it reports token usage
 * @param agentcoreRuntimeArn AgentCore Runtime ARN; selects the AgentCore provider, before all others
 * @param agentcoreQualifier endpoint of that runtime
 * @param openai the OpenAI-compatible server (Ollama, llama.cpp {@code llama-server}, vLLM)
 * @param tenantModels Bedrock model id by tenant id, used instead of {@code modelId} for that tenant's
 *     conversations (Bedrock Converse only; a tenant profile's model comes first), e.g. a tenant's application
 *     inference profile ARN
 * @param promptCachingModels models (ids, cross-region profile ids or ARNs, compared without region prefix) that
 *     take Bedrock prompt caching: a {@code cachePoint} follows the system prompt and the history
 * @param guardrailStreamMode Bedrock guardrails on a stream: {@code sync} (text is checked before it streams) or
 *     {@code async} (streams at once, checked alongside)
 */
@ConfigurationProperties("tenantchat.model")
@Validated
public record ModelProperties(
        @DefaultValue("anthropic.claude-3-5-sonnet-20241022-v2:0") @NotBlank String modelId,
        @DefaultValue("1024") @Positive int maxTokens,
        @DefaultValue("0.7") @DecimalMin("0.0") @DecimalMax("1.0") float temperature,
        @DefaultValue("5m") @NotNull Duration callTimeout,
        @DefaultValue("30s") @NotNull Duration readTimeout,
        @Nullable String agentId,
        @Nullable String agentAliasId,
        @DefaultValue("false") boolean agentEnableTrace,
        @Nullable String agentcoreRuntimeArn,
        @DefaultValue("DEFAULT") @NotBlank String agentcoreQualifier,
        @DefaultValue @Valid OpenAi openai,
        @DefaultValue Map<String, String> tenantModels,
        @DefaultValue List<String> promptCachingModels,
        @DefaultValue("sync") @Pattern(regexp = "sync|async") String guardrailStreamMode) {

    @ConstructorBinding
    public ModelProperties {
        tenantModels = Map.copyOf(tenantModels);
        promptCachingModels = List.copyOf(promptCachingModels);
    }

    /** No prompt caching, synchronous guardrails. */
    public ModelProperties(String modelId, int maxTokens, float temperature, Duration callTimeout,
            Duration readTimeout, @Nullable String agentId, @Nullable String agentAliasId, boolean agentEnableTrace,
            @Nullable String agentcoreRuntimeArn, String agentcoreQualifier, OpenAi openai,
            Map<String, String> tenantModels) {
        this(modelId, maxTokens, temperature, callTimeout, readTimeout, agentId, agentAliasId, agentEnableTrace,
                agentcoreRuntimeArn, agentcoreQualifier, openai, tenantModels, List.of(), "sync");
    }

    /** The provider these settings select. */
    public ModelProvider provider() {
        return ModelProvider.select(agentcoreRuntimeArn, agentId, agentAliasId, openai.baseUrl());
    }

    /**
     * An OpenAI-compatible chat completions server ({@code tenantchat.model.openai.*}).
     *
     * @param baseUrl e.g. {@code http://localhost:11434}; requests go to {@code {baseUrl}/v1/chat/completions}
     *     ({@code /v1} is not doubled when the URL already ends with it)
     * @param model the server's model name, required with {@code baseUrl}
     * @param apiKey sent as {@code Authorization: Bearer} when set
     */
    public record OpenAi(@Nullable String baseUrl, @Nullable String model, @Nullable String apiKey) {}
}
