package io.tenantchat.worker.reply.config;

import java.time.Duration;
import java.util.Map;

/** Model settings for adapter tests: short timeouts, one provider set at a time. */
public final class ModelPropertiesTestData {

    public static final String MODEL_ID = "anthropic.claude-3-5-sonnet-20241022-v2:0";
    private static final ModelProperties.OpenAi NO_OPENAI = new ModelProperties.OpenAi(null, null, null);

    private ModelPropertiesTestData() {}

    public static ModelProperties bedrock(String modelId) {
        return bedrock(modelId, Map.of());
    }

    public static ModelProperties bedrock(String modelId, Map<String, String> tenantModels) {
        return new ModelProperties(modelId, 256, 0.7f, Duration.ofSeconds(20), Duration.ofSeconds(10),
                null, null, false, null, "DEFAULT", NO_OPENAI, tenantModels);
    }

    public static ModelProperties agent(String agentId, String aliasId, boolean trace) {
        return new ModelProperties(MODEL_ID, 256, 0.7f, Duration.ofSeconds(20), Duration.ofSeconds(10),
                agentId, aliasId, trace, null, "DEFAULT", NO_OPENAI, Map.of());
    }

    public static ModelProperties agentCore(String runtimeArn, Duration callTimeout) {
        return new ModelProperties(MODEL_ID, 256, 0.7f, callTimeout, Duration.ofSeconds(10),
                null, null, false, runtimeArn, "DEFAULT", NO_OPENAI, Map.of());
    }

    public static ModelProperties openAi(String baseUrl, String model, String apiKey, Duration callTimeout) {
        return new ModelProperties(MODEL_ID, 256, 0.3f, callTimeout, Duration.ofSeconds(10),
                null, null, false, null, "DEFAULT", new ModelProperties.OpenAi(baseUrl, model, apiKey), Map.of());
    }
}
