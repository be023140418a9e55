package io.tenantchat.worker.reply.config;

import org.jspecify.annotations.Nullable;

/**
 * Which model provider answers, per deployment. The seed's rule "agent if configured, else direct model", with
 * AgentCore first and a local OpenAI-compatible server before the Bedrock default.
 */
public enum ModelProvider {
    AGENTCORE("AgentCore Runtime"),
    BEDROCK_AGENT("Bedrock Agent"),
    OPENAI("OpenAI-compatible server"),
    BEDROCK("Bedrock Converse");

    private final String label;

    ModelProvider(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * AgentCore when a runtime ARN is set; else a Bedrock Agent when agent id and alias are set; else an
     * OpenAI-compatible server when its base URL is set; else Bedrock Converse. Blank values count as unset.
     *
     * @throws IllegalArgumentException when only one of agent id and alias is set
     */
    public static ModelProvider select(@Nullable String agentcoreRuntimeArn, @Nullable String agentId,
            @Nullable String agentAliasId, @Nullable String openAiBaseUrl) {
        if (isSet(agentcoreRuntimeArn)) {
            return AGENTCORE;
        }
        if (isSet(agentId) != isSet(agentAliasId)) {
            throw new IllegalArgumentException("A Bedrock Agent needs both tenantchat.model.agent-id "
                    + "(BEDROCK_AGENT_ID) and tenantchat.model.agent-alias-id (BEDROCK_AGENT_ALIAS_ID); only one is set");
        }
        if (isSet(agentId)) {
            return BEDROCK_AGENT;
        }
        return isSet(openAiBaseUrl) ? OPENAI : BEDROCK;
    }

    private static boolean isSet(@Nullable String value) {
        return value != null && !value.isBlank();
    }
}
