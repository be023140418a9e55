package io.tenantchat.worker.reply.config;

import io.tenantchat.worker.config.AwsEndpointsProperties;
import io.tenantchat.worker.config.ClientSizes;
import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsAsyncClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.providers.AwsRegionProvider;
import software.amazon.awssdk.services.bedrockagentcore.BedrockAgentCoreAsyncClient;
import software.amazon.awssdk.services.bedrockagentruntime.BedrockAgentRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;

/**
 * The Bedrock clients, which spring-cloud-aws does not provide; only the one the selected model provider needs is
 * created. Region and credentials come from spring-cloud-aws ({@code spring.cloud.aws.region.static},
 * {@code spring.cloud.aws.credentials.*}, else the SDK's default chains). SDK retries are off: a retried stream
 * would replay partial text, so the worker retries whole calls itself. The HTTP client is sized to the worker's
 * in-flight permits ({@link ClientSizes}).
 */
@Configuration(proxyBeanMethods = false)
class BedrockClientConfig {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final AwsCredentialsProvider credentials;
    private final AwsRegionProvider region;
    private final ModelProperties model;
    private final int maxInFlight;

    BedrockClientConfig(AwsCredentialsProvider credentials, AwsRegionProvider region, ModelProperties model,
            WorkerProperties worker) {
        this.credentials = credentials;
        this.region = region;
        this.model = model;
        this.maxInFlight = worker.maxInFlight();
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnModelProvider(ModelProvider.BEDROCK)
    BedrockRuntimeAsyncClient bedrockRuntimeAsyncClient(AwsEndpointsProperties endpoints) {
        return configure(BedrockRuntimeAsyncClient.builder(), endpoints.bedrockRuntimeEndpoint()).build();
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnModelProvider(ModelProvider.BEDROCK_AGENT)
    BedrockAgentRuntimeAsyncClient bedrockAgentRuntimeAsyncClient(ModelEndpointsProperties endpoints) {
        return configure(BedrockAgentRuntimeAsyncClient.builder(), endpoints.bedrockAgentRuntimeEndpoint()).build();
    }

    /** {@code bedrockagentcore} is pinned to 2.40.3, the newest served here; it runs on the BOM's newer SDK core. */
    @Bean(destroyMethod = "close")
    @ConditionalOnModelProvider(ModelProvider.AGENTCORE)
    BedrockAgentCoreAsyncClient bedrockAgentCoreAsyncClient(ModelEndpointsProperties endpoints) {
        return configure(BedrockAgentCoreAsyncClient.builder(), endpoints.bedrockAgentcoreEndpoint()).build();
    }

    private <B extends AwsClientBuilder<B, ?> & AwsAsyncClientBuilder<B, ?>> B configure(B builder,
            @Nullable URI endpoint) {
        builder.credentialsProvider(credentials)
                .region(region.getRegion())
                .httpClientBuilder(NettyNioAsyncHttpClient.builder()
                        .connectionTimeout(CONNECT_TIMEOUT)
                        .readTimeout(model.readTimeout())
                        // one connection per in-flight job (a stream holds its connection), reused between jobs
                        .maxConcurrency(ClientSizes.modelConnections(maxInFlight))
                        .maxPendingConnectionAcquires(ClientSizes.pendingAcquires(maxInFlight))
                        .connectionAcquisitionTimeout(CONNECT_TIMEOUT.multipliedBy(2))
                        .tcpKeepAlive(true))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallTimeout(model.callTimeout()));
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder;
    }
}
