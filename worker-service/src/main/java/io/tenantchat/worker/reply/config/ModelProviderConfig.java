package io.tenantchat.worker.reply.config;

import java.net.http.HttpClient;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Provider selection: exactly one {@code ChatModel} adapter is registered, the one annotated with
 * {@link ConditionalOnModelProvider} for {@link ModelProperties#provider()}. This configuration states the choice
 * at startup and provides the HTTP client of the OpenAI-compatible adapter.
 */
@Configuration(proxyBeanMethods = false)
class ModelProviderConfig {

    private static final Logger log = LoggerFactory.getLogger(ModelProviderConfig.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    @Bean
    ModelProvider modelProvider(ModelProperties model) {
        ModelProvider provider = model.provider();
        log.info("Model provider: {} ({})", provider.label(), describe(provider, model));
        return provider;
    }

    /** HTTP/1.1: local servers (Ollama, llama-server) speak no h2c, and the JDK would offer an upgrade. */
    @Bean
    @ConditionalOnModelProvider(ModelProvider.OPENAI)
    HttpClient openAiHttpClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .build();
    }

    static String describe(ModelProvider provider, ModelProperties model) {
        return switch (provider) {
            case AGENTCORE -> "runtime " + model.agentcoreRuntimeArn() + ", qualifier " + model.agentcoreQualifier();
            case BEDROCK_AGENT -> "agent " + model.agentId() + ", alias " + model.agentAliasId()
                    + (model.agentEnableTrace() ? ", trace on: token usage from the trace"
                            : ", trace off: token usage unknown");
            case OPENAI -> "base URL " + model.openai().baseUrl() + ", model " + model.openai().model();
            case BEDROCK -> "model " + model.modelId() + ", max tokens " + model.maxTokens();
        };
    }
}
