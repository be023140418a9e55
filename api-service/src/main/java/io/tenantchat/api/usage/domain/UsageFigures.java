package io.tenantchat.api.usage.domain;

import java.math.BigDecimal;

/** Counts of model calls and tokens; cost kept in billionths of a dollar so sums stay exact. */
public record UsageFigures(long invocations, long inputTokens, long outputTokens, long cacheReadInputTokens,
        long cacheWriteInputTokens, long costNanos, long unknownUsage) {

    public static final UsageFigures ZERO = new UsageFigures(0, 0, 0, 0, 0, 0, 0);

    public UsageFigures plus(UsageFigures o) {
        return new UsageFigures(invocations + o.invocations, inputTokens + o.inputTokens, outputTokens + o.outputTokens,
                cacheReadInputTokens + o.cacheReadInputTokens, cacheWriteInputTokens + o.cacheWriteInputTokens,
                costNanos + o.costNanos, unknownUsage + o.unknownUsage);
    }

    public BigDecimal costUsd() {
        return BigDecimal.valueOf(costNanos, 9).stripTrailingZeros();
    }
}
