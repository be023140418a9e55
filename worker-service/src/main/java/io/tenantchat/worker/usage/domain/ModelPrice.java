package io.tenantchat.worker.usage.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;

/** USD per million input and output tokens of one model. */
public record ModelPrice(BigDecimal inputPerMillion, BigDecimal outputPerMillion) {

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    public ModelPrice {
        Objects.requireNonNull(inputPerMillion, "inputPerMillion");
        Objects.requireNonNull(outputPerMillion, "outputPerMillion");
    }

    public BigDecimal cost(long inputTokens, long outputTokens) {
        BigDecimal total = inputPerMillion.multiply(BigDecimal.valueOf(inputTokens))
                .add(outputPerMillion.multiply(BigDecimal.valueOf(outputTokens)));
        return total.divide(MILLION, MathContext.DECIMAL64).stripTrailingZeros();
    }
}
