package io.tenantchat.usage.metering.domain;

import io.tenantchat.shared.usage.Granularity;
import java.util.Objects;

/** What one event adds to one rollup item (a time bucket of one dimension: total, a model or a user). */
public record RollupIncrement(Granularity granularity, String bucket, String dimension, long invocations,
        long inputTokens, long outputTokens, long cacheReadInputTokens, long cacheWriteInputTokens, long costNanos,
        long unknownUsage) {

    public RollupIncrement {
        Objects.requireNonNull(granularity, "granularity");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(dimension, "dimension");
    }
}
