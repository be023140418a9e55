package io.tenantchat.worker.reply.adapter.out.bedrock;

import io.tenantchat.shared.TenantId;
import io.tenantchat.worker.reply.domain.Conversation;
import io.tenantchat.worker.reply.domain.ConversationScope;
import java.util.Map;

/**
 * Which Bedrock model answers a conversation: the tenant's override from {@code tenantchat.model.tenant-models}
 * when there is one, else the deployment's model. Every id and tenant is checked at startup, so a typo fails the
 * deployment instead of one tenant's replies.
 */
final class TenantModels {

    private static final String SETTING = "tenantchat.model.tenant-models";

    private final String defaultModelId;
    private final Map<String, String> overrides;

    TenantModels(String defaultModelId, Map<String, String> overrides) {
        BedrockModelIds.requireValid("tenantchat.model.model-id (BEDROCK_MODEL_ID)", defaultModelId);
        overrides.forEach(TenantModels::requireValid);
        this.defaultModelId = defaultModelId;
        this.overrides = Map.copyOf(overrides);
    }

    /** The model id for the tenant named in the conversation's system prompt. */
    String modelFor(Conversation conversation) {
        return ConversationScope.of(conversation)
                .map(scope -> overrides.getOrDefault(scope.tenantId().value(), defaultModelId))
                .orElse(defaultModelId);
    }

    private static void requireValid(String tenantId, String modelId) {
        if (!TenantId.isValid(tenantId)) {
            throw new IllegalArgumentException(SETTING + " names '" + tenantId + "', which is not a tenant id");
        }
        BedrockModelIds.requireValid(SETTING + "." + tenantId, modelId);
    }
}
