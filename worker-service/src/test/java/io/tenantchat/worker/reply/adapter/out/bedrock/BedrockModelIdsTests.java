package io.tenantchat.worker.reply.adapter.out.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BedrockModelIdsTests {

    @ParameterizedTest
    @ValueSource(strings = {
        "anthropic.claude-3-5-sonnet-20241022-v2:0",
        "anthropic.claude-3-haiku-20240307-v1:0:200k",
        "amazon.nova-pro-v1:0",
        "us.anthropic.claude-sonnet-4-20250514-v1:0",
        "eu.anthropic.claude-3-7-sonnet-20250219-v1:0",
        "apac.anthropic.claude-3-5-sonnet-20241022-v2:0",
        "global.anthropic.claude-sonnet-4-5-20250929-v1:0",
        "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20241022-v2:0",
        "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-sonnet-4-20250514-v1:0",
        "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/a1b2c3d4e5f6",
        "arn:aws-us-gov:bedrock:us-gov-west-1:123456789012:provisioned-model/abc123"
    })
    void acceptsModelIdsInferenceProfilesAndArns(String modelId) {
        assertThat(BedrockModelIds.isValid(modelId)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "claude-3-5-sonnet", "gpt-4o", "xx.anthropic.claude-3-5-sonnet-20241022-v2:0",
        "anthropic.claude 3", "https://bedrock.example/model", "arn:aws:s3:::bucket/key", ""
    })
    void refusesWhatBedrockWouldNot(String modelId) {
        assertThat(BedrockModelIds.isValid(modelId)).isFalse();
    }

    @Test
    void explainsAnInvalidModelIdWithTheSettingsName() {
        assertThatThrownBy(() -> BedrockModelIds.requireValid("claude-3-5-sonnet"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BEDROCK_MODEL_ID")
                .hasMessageContaining("inference profile id");
    }
}
