package io.tenantchat.worker.usage.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

import io.tenantchat.worker.reply.config.ModelPropertiesTestData;
import io.tenantchat.worker.usage.domain.PriceTable;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The price table built from {@code tenantchat.usage.*}, and the startup check that every tenant profile ARN is priced. */
class UsageConfigTests {

    static final String PROFILE = "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/a1b2c3d4e5f6";
    static final String MODEL = "anthropic.claude-3-5-sonnet-20241022-v2:0";

    @Test
    void tenantsApplicationInferenceProfileIsPricedAsTheModelItCopies() {
        PriceTable prices = UsageConfig.priceTable(usage(List.of(
                new UsageProperties.InferenceProfile(PROFILE, "us." + MODEL))));

        assertThat(prices.cost(PROFILE, 1_000_000L, 0L)).hasValueSatisfying(c -> assertThat(c).isEqualByComparingTo("3"));
        assertThatNoException().isThrownBy(() -> UsageConfig.requirePricedInferenceProfiles(prices,
                ModelPropertiesTestData.bedrock(MODEL, Map.of("tenant-001", PROFILE))));
    }

    @Test
    void refusesToStartWhenATenantsApplicationInferenceProfileHasNoPrice() {
        PriceTable prices = UsageConfig.priceTable(usage(List.of()));

        assertThatThrownBy(() -> UsageConfig.requirePricedInferenceProfiles(prices,
                ModelPropertiesTestData.bedrock(MODEL, Map.of("tenant-001", PROFILE))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(PROFILE)
                .hasMessageContaining("tenantchat.usage.inference-profiles");
    }

    @Test
    void aCachePriceLeftOutIsTheInputPrice() {
        PriceTable prices = UsageConfig.priceTable(usage(List.of()));

        assertThat(prices.cost(MODEL, 0L, 0L, 1_000_000L, 1_000_000L))
                .hasValueSatisfying(c -> assertThat(c).isEqualByComparingTo("6"));
    }

    static UsageProperties usage(List<UsageProperties.InferenceProfile> profiles) {
        return new UsageProperties("bus", null, Duration.ofSeconds(40), Duration.ofMillis(200), Duration.ofSeconds(5),
                Map.of(MODEL, new UsageProperties.Price(new BigDecimal("3"), new BigDecimal("15"))), null, profiles);
    }
}
