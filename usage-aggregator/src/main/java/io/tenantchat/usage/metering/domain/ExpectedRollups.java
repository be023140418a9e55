package io.tenantchat.usage.metering.domain;

import io.tenantchat.shared.usage.ModelInvoked;
import io.tenantchat.shared.usage.UsageRollupKeys;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What every rollup item should hold, computed from counted events as the live path increments them. */
public final class ExpectedRollups {

    private ExpectedRollups() {
    }

    public static Map<RollupKey, RollupTotals> of(List<ModelInvoked> events, int shards) {
        Map<RollupKey, RollupTotals> expected = new HashMap<>();
        for (ModelInvoked event : events) {
            int shard = UsageRollupKeys.shardOf(event.eventId(), shards);
            for (RollupIncrement i : Rollups.incrementsFor(event)) {
                expected.merge(new RollupKey(i.granularity(), shard, i.bucket(), i.dimension()),
                        RollupTotals.ZERO.plus(i), (a, b) -> new RollupTotals(a.invocations() + b.invocations(),
                                a.inputTokens() + b.inputTokens(), a.outputTokens() + b.outputTokens(),
                                a.cacheReadInputTokens() + b.cacheReadInputTokens(),
                                a.cacheWriteInputTokens() + b.cacheWriteInputTokens(), a.costNanos() + b.costNanos(),
                                a.unknownUsage() + b.unknownUsage()));
            }
        }
        return expected;
    }
}
