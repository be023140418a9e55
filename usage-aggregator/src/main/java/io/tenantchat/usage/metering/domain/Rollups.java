package io.tenantchat.usage.metering.domain;

import io.tenantchat.shared.usage.Granularity;
import io.tenantchat.shared.usage.ModelInvoked;
import io.tenantchat.shared.usage.UsageRollupKeys;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The increments of one event: every granularity times the total, its model and its user. */
public final class Rollups {

    private Rollups() {
    }

    public static List<RollupIncrement> incrementsFor(ModelInvoked event) {
        List<RollupIncrement> increments = new ArrayList<>();
        List<String> dimensions = List.of(UsageRollupKeys.TOTAL, UsageRollupKeys.model(event.modelId()),
                UsageRollupKeys.user(event.userId().value()));
        for (Granularity granularity : Granularity.values()) {
            String bucket = granularity.bucket(event.invocationTime());
            dimensions.forEach(dimension -> increments.add(increment(event, granularity, bucket, dimension)));
        }
        return increments;
    }

    /** Cost in billionths of a dollar, so sums stay exact. */
    public static long costNanos(@Nullable BigDecimal costUsd) {
        return costUsd == null ? 0 : costUsd.movePointRight(9).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    private static RollupIncrement increment(ModelInvoked e, Granularity granularity, String bucket, String dimension) {
        boolean unknown = e.inputTokens() == null || e.outputTokens() == null;
        return new RollupIncrement(granularity, bucket, dimension, 1, orZero(e.inputTokens()), orZero(e.outputTokens()),
                orZero(e.cacheReadInputTokens()), orZero(e.cacheWriteInputTokens()), costNanos(e.costUsd()),
                unknown ? 1 : 0);
    }

    private static long orZero(@Nullable Long value) {
        return value == null ? 0 : value;
    }
}
