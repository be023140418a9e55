package io.tenantchat.usage.metering.application;

import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.usage.Granularity;
import io.tenantchat.shared.usage.ModelInvoked;
import io.tenantchat.usage.metering.domain.RollupKey;
import io.tenantchat.usage.metering.domain.RollupTotals;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Out-port: the counted events (raw rows) and rollup items of one tenant, read strongly consistent. */
public interface UsageHistory {

    /** Events whose invocation time is in {@code [from, to)}. */
    List<ModelInvoked> countedEvents(TenantId tenantId, Instant from, Instant to);

    /** Rollup items of one partition with a bucket in {@code [fromBucket, toBucket)}. */
    Map<RollupKey, RollupTotals> rollups(TenantId tenantId, Granularity granularity, int shard, String fromBucket,
            String toBucket);

    /**
     * Sets an item to {@code expected} only if it still holds {@code current} (absent when {@code current} is
     * null): a live increment in between makes this fail instead of being overwritten.
     *
     * @return whether the item was set
     */
    boolean replace(TenantId tenantId, RollupKey key, @Nullable RollupTotals current, RollupTotals expected);
}
