package io.tenantchat.worker.usage.config;

import io.tenantchat.worker.usage.application.UsageMeter;
import io.tenantchat.worker.usage.application.UsagePublisher;
import io.tenantchat.worker.usage.domain.ModelPrice;
import io.tenantchat.worker.usage.domain.PriceTable;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.providers.AwsRegionProvider;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClientBuilder;

/** The EventBridge client (spring-cloud-aws has none) and the usage meter. */
@Configuration(proxyBeanMethods = false)
class UsageConfig {

    @Bean(destroyMethod = "close")
    EventBridgeClient eventBridgeClient(AwsCredentialsProvider credentials, AwsRegionProvider region,
            UsageProperties usage) {
        EventBridgeClientBuilder builder = EventBridgeClient.builder()
                .credentialsProvider(credentials)
                .region(region.getRegion())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.standardRetryStrategy())
                        .apiCallAttemptTimeout(Duration.ofSeconds(5))
                        .apiCallTimeout(Duration.ofSeconds(20)));
        if (usage.eventbridgeEndpoint() != null) {
            builder.endpointOverride(usage.eventbridgeEndpoint());
        }
        return builder.build();
    }

    @Bean
    UsageMeter usageMeter(UsagePublisher publisher, UsageProperties usage) {
        return new UsageMeter(publisher, priceTable(usage.prices()));
    }

    static PriceTable priceTable(Map<String, UsageProperties.Price> prices) {
        return new PriceTable(prices == null ? Map.of() : prices.entrySet().stream().collect(Collectors.toMap(
                Map.Entry::getKey, e -> new ModelPrice(e.getValue().inputPerMillion(), e.getValue().outputPerMillion()))));
    }
}
