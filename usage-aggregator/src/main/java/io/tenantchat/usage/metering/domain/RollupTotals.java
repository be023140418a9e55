package io.tenantchat.usage.metering.domain;

/** The counters of one rollup item. */
public record RollupTotals(long invocations, long inputTokens, long outputTokens, long cacheReadInputTokens,
        long cacheWriteInputTokens, long costNanos, long unknownUsage) {

    public static final RollupTotals ZERO = new RollupTotals(0, 0, 0, 0, 0, 0, 0);

    public RollupTotals plus(RollupIncrement i) {
        return new RollupTotals(invocations + i.invocations(), inputTokens + i.inputTokens(),
                outputTokens + i.outputTokens(), cacheReadInputTokens + i.cacheReadInputTokens(),
                cacheWriteInputTokens + i.cacheWriteInputTokens(), costNanos + i.costNanos(),
                unknownUsage + i.unknownUsage());
    }
}
