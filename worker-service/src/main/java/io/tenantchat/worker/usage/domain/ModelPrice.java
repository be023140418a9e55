package io.tenantchat.worker.usage.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;

/**
 * USD per million tokens of one model: input, output, and the prompt cache's reads and writes, which Bedrock bills
 * at their own rates (a cache read is typically a tenth of the input price, a write a quarter more). Input tokens
 * are the uncached ones: Bedrock reports cache reads and writes apart from {@code inputTokens}.
 */
public record ModelPrice(BigDecimal inputPerMillion, BigDecimal outputPerMillion, BigDecimal cacheReadPerMillion,
        BigDecimal cacheWritePerMillion) {

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    public ModelPrice {
        Objects.requireNonNull(inputPerMillion, "inputPerMillion");
        Objects.requireNonNull(outputPerMillion, "outputPerMillion");
        Objects.requireNonNull(cacheReadPerMillion, "cacheReadPerMillion");
        Objects.requireNonNull(cacheWritePerMillion, "cacheWritePerMillion");
    }

    /** A model without prompt caching prices: cache tokens, if any were reported, at the input price. */
    public ModelPrice(BigDecimal inputPerMillion, BigDecimal outputPerMillion) {
        this(inputPerMillion, outputPerMillion, inputPerMillion, inputPerMillion);
    }

    public BigDecimal cost(long inputTokens, long outputTokens) {
        return cost(inputTokens, outputTokens, 0, 0);
    }

    public BigDecimal cost(long inputTokens, long outputTokens, long cacheReadTokens, long cacheWriteTokens) {
        BigDecimal total = inputPerMillion.multiply(BigDecimal.valueOf(inputTokens))
                .add(outputPerMillion.multiply(BigDecimal.valueOf(outputTokens)))
                .add(cacheReadPerMillion.multiply(BigDecimal.valueOf(cacheReadTokens)))
                .add(cacheWritePerMillion.multiply(BigDecimal.valueOf(cacheWriteTokens)));
        return total.divide(MILLION, MathContext.DECIMAL64).stripTrailingZeros();
    }
}
