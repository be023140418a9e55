package io.tenantchat.worker.reply.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantchat.worker.config.AwsEndpointsProperties;
import io.tenantchat.worker.reply.application.ChatModel;
import java.net.http.HttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsRegionProvider;
import software.amazon.awssdk.services.bedrockagentcore.BedrockAgentCoreAsyncClient;
import software.amazon.awssdk.services.bedrockagentruntime.BedrockAgentRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;

/** Exactly one model provider is wired, chosen by what is set; bad settings stop the start with a clear reason. */
@ExtendWith(OutputCaptureExtension.class)
class ModelProviderConfigTests {

    private static final String ARN = "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/agent-Ab12Cd34Ef";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Adapters.class, ModelProviderConfig.class, BedrockClientConfig.class);

    @Test
    void defaultsToBedrockConverse() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(ChatModel.class).hasSingleBean(BedrockRuntimeAsyncClient.class)
                    .doesNotHaveBean(BedrockAgentRuntimeAsyncClient.class)
                    .doesNotHaveBean(BedrockAgentCoreAsyncClient.class).doesNotHaveBean(HttpClient.class);
            assertThat(adapter(context.getBean(ChatModel.class))).isEqualTo("BedrockChatModel");
            assertThat(context.getBean(ModelProvider.class)).isEqualTo(ModelProvider.BEDROCK);
        });
    }

    @Test
    void choosesTheBedrockAgentWhenIdAndAliasAreSet(CapturedOutput output) {
        runner.withPropertyValues("tenantchat.model.agent-id=AGENT12345", "tenantchat.model.agent-alias-id=TSTALIASID")
                .run(context -> {
                    assertThat(context).hasSingleBean(ChatModel.class)
                            .hasSingleBean(BedrockAgentRuntimeAsyncClient.class)
                            .doesNotHaveBean(BedrockRuntimeAsyncClient.class);
                    assertThat(adapter(context.getBean(ChatModel.class))).isEqualTo("BedrockAgentChatModel");
                });
        assertThat(output).contains("Model provider: Bedrock Agent (agent AGENT12345, alias TSTALIASID");
    }

    @Test
    void choosesAgentCoreBeforeEveryOtherProvider() {
        runner.withPropertyValues("tenantchat.model.agentcore-runtime-arn=" + ARN,
                        "tenantchat.model.agent-id=AGENT12345", "tenantchat.model.agent-alias-id=TSTALIASID",
                        "tenantchat.model.openai.base-url=http://localhost:11434", "tenantchat.model.openai.model=m")
                .run(context -> {
                    assertThat(context).hasSingleBean(ChatModel.class).hasSingleBean(BedrockAgentCoreAsyncClient.class)
                            .doesNotHaveBean(BedrockAgentRuntimeAsyncClient.class).doesNotHaveBean(HttpClient.class);
                    assertThat(adapter(context.getBean(ChatModel.class))).isEqualTo("AgentCoreChatModel");
                });
    }

    @Test
    void choosesTheOpenAiCompatibleServerWhenItsBaseUrlIsSet() {
        runner.withPropertyValues("tenantchat.model.openai.base-url=http://localhost:11434",
                        "tenantchat.model.openai.model=llama3.2")
                .run(context -> {
                    assertThat(context).hasSingleBean(ChatModel.class).hasSingleBean(HttpClient.class)
                            .doesNotHaveBean(BedrockRuntimeAsyncClient.class);
                    assertThat(adapter(context.getBean(ChatModel.class))).isEqualTo("OpenAiChatModel");
                });
    }

    @Test
    void treatsBlankSettingsAsUnset() {
        runner.withPropertyValues("tenantchat.model.agentcore-runtime-arn=", "tenantchat.model.agent-id=",
                        "tenantchat.model.agent-alias-id=", "tenantchat.model.openai.base-url=")
                .run(context -> assertThat(adapter(context.getBean(ChatModel.class))).isEqualTo("BedrockChatModel"));
    }

    @Test
    void refusesToStartWithAnAgentIdButNoAlias() {
        runner.withPropertyValues("tenantchat.model.agent-id=AGENT12345").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("BEDROCK_AGENT_ALIAS_ID"));
    }

    @Test
    void refusesToStartWithAMalformedBedrockModelId() {
        runner.withPropertyValues("tenantchat.model.model-id=claude-3-5-sonnet").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("BEDROCK_MODEL_ID"));
    }

    @Test
    void bindsPerTenantBedrockModels() {
        runner.withPropertyValues("tenantchat.model.tenant-models.tenant-001=us.anthropic.claude-sonnet-4-20250514-v1:0")
                .run(context -> assertThat(context.getBean(ModelProperties.class).tenantModels())
                        .containsExactly(java.util.Map.entry("tenant-001", "us.anthropic.claude-sonnet-4-20250514-v1:0")));
    }

    @Test
    void refusesToStartWithAMalformedTenantModelOverride() {
        runner.withPropertyValues("tenantchat.model.tenant-models.tenant-001=claude-sonnet-4").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("tenantchat.model.tenant-models.tenant-001"));
    }

    @Test
    void refusesToStartWithAnOpenAiBaseUrlButNoModel() {
        runner.withPropertyValues("tenantchat.model.openai.base-url=http://localhost:11434").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("OPENAI_MODEL"));
    }

    private static String adapter(ChatModel chatModel) {
        return chatModel.getClass().getSimpleName();
    }

    /** The four adapters, found as in the application, and what spring-cloud-aws would provide. */
    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({ModelProperties.class, ModelEndpointsProperties.class,
        AwsEndpointsProperties.class, WorkerProperties.class})
    @ComponentScan(basePackages = {
        "io.tenantchat.worker.reply.adapter.out.bedrock", "io.tenantchat.worker.reply.adapter.out.bedrockagent",
        "io.tenantchat.worker.reply.adapter.out.agentcore", "io.tenantchat.worker.reply.adapter.out.openai"})
    static class Adapters {

        @Bean
        AwsCredentialsProvider credentials() {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
        }

        @Bean
        AwsRegionProvider region() {
            return () -> Region.US_EAST_1;
        }
    }
}
