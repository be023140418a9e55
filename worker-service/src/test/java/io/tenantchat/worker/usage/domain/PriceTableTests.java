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
}
