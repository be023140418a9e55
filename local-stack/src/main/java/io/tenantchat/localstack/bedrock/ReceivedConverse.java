package io.tenantchat.localstack.bedrock;

/**
 * What the stand-in received in one well-formed Converse or ConverseStream request, as a test reads it back:
 * the proof that a tenant's settings reached the model, and that no other tenant's did.
 *
 * @param modelId the model id or ARN of the request path
 * @param systemText all {@code system[].text}, one per line
 * @param maxTokens {@code inferenceConfig.maxTokens}, null when absent
 * @param temperature {@code inferenceConfig.temperature}, null when absent
 * @param guardrailId {@code guardrailConfig.guardrailIdentifier}, null when absent
 * @param guardrailVersion {@code guardrailConfig.guardrailVersion}, null when absent
 */
public record ReceivedConverse(String modelId, String systemText, Integer maxTokens,
        Double temperature, String guardrailId, String guardrailVersion) {
}
