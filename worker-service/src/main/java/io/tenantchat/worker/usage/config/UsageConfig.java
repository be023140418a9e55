package io.tenantchat.worker.usage.config;

import io.tenantchat.worker.reply.config.ModelProperties;
import io.tenantchat.worker.usage.application.UsageMeter;
import io.tenantchat.worker.usage.application.UsagePublisher;
import io.tenantchat.worker.usage.domain.ModelPrice;
import io.tenantchat.worker.usage.domain.PriceTable;
import java.time.Duration;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
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
    UsageMeter usageMeter(UsagePublisher publisher, UsageProperties usage, ModelProperties model) {
        PriceTable prices = priceTable(usage);
        requirePricedInferenceProfiles(prices, model);
        return new UsageMeter(publisher, prices);
    }

    static PriceTable priceTable(Map<String, UsageProperties.Price> prices) {
        return new PriceTable(prices == null ? Map.of() : prices.entrySet().stream().collect(Collectors.toMap(
                Map.Entry::getKey, e -> modelPrice(e.getValue()))));
    }

    static PriceTable priceTable(UsageProperties usage) {
        List<UsageProperties.InferenceProfile> profiles = usage.inferenceProfiles();
        return new PriceTable(priceTable(usage.prices()).prices(), profiles == null ? Map.of()
                : profiles.stream().collect(Collectors.toMap(UsageProperties.InferenceProfile::arn,
                        UsageProperties.InferenceProfile::modelId, (a, b) -> a)));
    }

    /**
     * An application inference profile the worker calls (the deployment's model or a tenant's in
     * {@code tenantchat.model.tenant-models}) must be priced, or its tenant's cost would be null on every reply:
     * the deployment fails at startup instead.
     */
    static void requirePricedInferenceProfiles(PriceTable prices, ModelProperties model) {
        List<String> unpriced = Stream.concat(Stream.of(model.modelId()), model.tenantModels().values().stream())
                .filter(id -> id.contains(":application-inference-profile/") && !prices.isPriced(id))
                .distinct().toList();
        if (!unpriced.isEmpty()) {
            throw new IllegalStateException("no price for application inference profile(s) " + unpriced
                    + ": name the model each copies in tenantchat.usage.inference-profiles[n].arn/.model-id, and "
                    + "price that model in tenantchat.usage.prices");
        }
    }

    private static ModelPrice modelPrice(UsageProperties.Price price) {
        BigDecimal read = price.cacheReadPerMillion();
        BigDecimal write = price.cacheWritePerMillion();
        return new ModelPrice(price.inputPerMillion(), price.outputPerMillion(),
                read == null ? price.inputPerMillion() : read, write == null ? price.inputPerMillion() : write);
    }
}
