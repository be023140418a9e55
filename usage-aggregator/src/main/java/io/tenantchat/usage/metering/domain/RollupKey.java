package io.tenantchat.usage.metering.domain;

import io.tenantchat.shared.usage.Granularity;
import java.util.Objects;

/** One rollup item of a tenant: its granularity and shard (the partition) and its bucket and dimension. */
public record RollupKey(Granularity granularity, int shard, String bucket, String dimension) {

    public RollupKey {
        Objects.requireNonNull(granularity, "granularity");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(dimension, "dimension");
    }
}
