package io.tenantchat.worker.config;

import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.providers.AwsRegionProvider;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClientBuilder;

/**
 * The Bedrock Runtime client, which spring-cloud-aws does not provide. Region and credentials come from
 * spring-cloud-aws ({@code spring.cloud.aws.region.static}, {@code spring.cloud.aws.credentials.*}, else the
 * SDK's default chains). SDK retries are off: a retried stream would replay partial text, so the worker
 * retries whole jobs itself.
 */
@Configuration(proxyBeanMethods = false)
class BedrockClientConfig {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    @Bean(destroyMethod = "close")
    BedrockRuntimeAsyncClient bedrockRuntimeAsyncClient(AwsCredentialsProvider credentials, AwsRegionProvider region,
            ModelProperties model, AwsEndpointsProperties endpoints) {
        BedrockRuntimeAsyncClientBuilder builder = BedrockRuntimeAsyncClient.builder()
                .credentialsProvider(credentials)
                .region(region.getRegion())
                .httpClientBuilder(NettyNioAsyncHttpClient.builder()
                        .connectionTimeout(CONNECT_TIMEOUT)
                        .readTimeout(model.readTimeout()))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallTimeout(model.callTimeout()));
        if (endpoints.bedrockRuntimeEndpoint() != null) {
            builder.endpointOverride(endpoints.bedrockRuntimeEndpoint());
        }
        return builder.build();
    }
}
