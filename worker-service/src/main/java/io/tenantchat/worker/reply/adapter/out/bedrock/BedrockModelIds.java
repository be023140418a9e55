package io.tenantchat.worker.reply.adapter.out.bedrock;

import java.util.regex.Pattern;

/**
 * The forms of model id Bedrock Converse accepts: a base model id ({@code anthropic.claude-3-5-sonnet-20241022-v2:0}),
 * a cross-region inference profile id ({@code us.}, {@code eu.}, {@code apac.}, {@code global.}... before a model
 * id), or an ARN (foundation model, inference profile, provisioned or imported model, prompt...). Checked at
 * startup so a typo fails the deployment instead of every reply.
 */
final class BedrockModelIds {

    private static final String MODEL = "[a-z0-9-]+\\.[A-Za-z0-9][A-Za-z0-9_-]*(?::[A-Za-z0-9_-]+){0,2}";
    private static final Pattern MODEL_OR_PROFILE =
            Pattern.compile("(?:(?:us|us-gov|eu|apac|global|jp|au|ca)\\.)?" + MODEL);
    private static final Pattern ARN = Pattern.compile(
            "arn:aws(?:-[a-z]+)*:(?:bedrock|sagemaker):[a-z0-9-]+:(?:[0-9]{12})?:[a-z-]+/[A-Za-z0-9._:/-]+");

    private BedrockModelIds() {}

    static boolean isValid(String modelId) {
        return MODEL_OR_PROFILE.matcher(modelId).matches() || ARN.matcher(modelId).matches();
    }

    static void requireValid(String modelId) {
        requireValid("tenantchat.model.model-id (BEDROCK_MODEL_ID)", modelId);
    }

    static void requireValid(String setting, String modelId) {
        if (!isValid(modelId)) {
            throw new IllegalArgumentException(setting + " '" + modelId
                    + "' is neither a Bedrock model id (anthropic.claude-3-5-sonnet-20241022-v2:0), an inference "
                    + "profile id (us.anthropic.claude-sonnet-4-20250514-v1:0) nor an ARN");
        }
    }
}
