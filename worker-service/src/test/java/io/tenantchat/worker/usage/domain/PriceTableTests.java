package io.tenantchat.worker.usage.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PriceTableTests {

    private final PriceTable prices = new PriceTable(Map.of("anthropic.claude-3-5-sonnet-20241022-v2:0",
            new ModelPrice(new BigDecimal("3.00"), new BigDecimal("15.00"))));

    @Test
    void pricesInputAndOutputTokensPerMillionExactly() {
        assertThat(prices.cost("anthropic.claude-3-5-sonnet-20241022-v2:0", 150L, 300L))
                .hasValueSatisfying(cost -> assertThat(cost).isEqualByComparingTo("0.00495"));
    }

    @Test
    void pricesInferenceProfilesAndArnsLikeTheirModel() {
        assertThat(prices.cost("us.anthropic.claude-3-5-sonnet-20241022-v2:0", 1_000_000L, 0L))
                .hasValueSatisfying(cost -> assertThat(cost).isEqualByComparingTo("3"));
        assertThat(prices.cost("arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20241022-v2:0",
                0L, 1_000_000L)).hasValueSatisfying(cost -> assertThat(cost).isEqualByComparingTo("15"));
    }

    @Test
    void leavesCostUnknownWhenUsageOrPriceIsUnknown() {
        assertThat(prices.cost("anthropic.claude-3-5-sonnet-20241022-v2:0", null, 10L)).isEmpty();
        assertThat(prices.cost("some.other-model", 10L, 10L)).isEmpty();
    }

    static final String TENANT_PROFILE =
            "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/a1b2c3d4e5f6";

    @Test
    void pricesAnApplicationInferenceProfileAsTheModelItCopies() {
        PriceTable withProfile = new PriceTable(prices.prices(),
                Map.of(TENANT_PROFILE, "us.anthropic.claude-3-5-sonnet-20241022-v2:0"));

        assertThat(withProfile.cost(TENANT_PROFILE, 1_000_000L, 1_000_000L))
                .hasValueSatisfying(cost -> assertThat(cost).isEqualByComparingTo("18"));
        assertThat(prices.cost(TENANT_PROFILE, 10L, 10L)).as("a profile nobody mapped").isEmpty();
        assertThat(withProfile.isPriced(TENANT_PROFILE)).isTrue();
    }

    @Test
    void pricesJapanAustraliaAndCanadaCrossRegionProfilesLikeTheirModel() {
        for (String prefix : new String[] {"jp.", "au.", "ca.", "apac.", "global.", "us-gov."}) {
            assertThat(prices.cost(prefix + "anthropic.claude-3-5-sonnet-20241022-v2:0", 1_000_000L, 0L)).as(prefix)
                    .hasValueSatisfying(cost -> assertThat(cost).isEqualByComparingTo("3"));
        }
    }

    @Test
    void pricesCacheReadsAndWritesAtTheirOwnRates() {
        PriceTable cached = new PriceTable(Map.of("anthropic.claude-3-5-sonnet-20241022-v2:0", new ModelPrice(
                new BigDecimal("3.00"), new BigDecimal("15.00"), new BigDecimal("0.30"), new BigDecimal("3.75"))));

        // 1,000 uncached input, 200 output, 10,000 read from the cache, 2,000 written to it
        assertThat(cached.cost("anthropic.claude-3-5-sonnet-20241022-v2:0", 1_000L, 200L, 10_000L, 2_000L))
                .hasValueSatisfying(cost -> assertThat(cost).isEqualByComparingTo("0.0165"));
        assertThat(cached.cost("anthropic.claude-3-5-sonnet-20241022-v2:0", 1_000L, 200L, null, null))
                .as("no cache tokens reported").hasValueSatisfying(cost -> assertThat(cost).isEqualByComparingTo("0.006"));
    }
}
