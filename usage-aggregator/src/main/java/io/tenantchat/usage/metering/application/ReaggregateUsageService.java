package io.tenantchat.usage.metering.application;

import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.audit.AuditEvent;
import io.tenantchat.shared.usage.Granularity;
import io.tenantchat.shared.usage.ModelInvoked;
import io.tenantchat.usage.metering.domain.ExpectedRollups;
import io.tenantchat.usage.metering.domain.ReaggregationReport;
import io.tenantchat.usage.metering.domain.RollupKey;
import io.tenantchat.usage.metering.domain.RollupTotals;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Per month: reads the rollup items first, then the raw rows, then writes each item that differs with a condition
 * that it still holds what was read. A live event is written in one transaction with its raw row and its
 * increments, so one that lands after the items were read changes an item this pass would write, the condition
 * fails, and the month is read and compared again; none is overwritten (docs/runbook.md).
 */
public final class ReaggregateUsageService implements ReaggregateUsageUseCase {

    static final int MAX_PASSES = 5;

    private final UsageHistory history;
    private final int shards;
    private final AuditLog audit;

    /** @param audit where each run from an operator is recorded, once it is done */
    public ReaggregateUsageService(UsageHistory history, int shards, AuditLog audit) {
        this.history = history;
        this.shards = shards;
        this.audit = audit;
    }

    @Override
    public ReaggregationReport reaggregate(TenantId tenantId, Instant from, Instant to, String actor,
            String requestId) {
        ReaggregationReport report = reaggregate(tenantId, from, to);
        // the corrections are many conditional writes, not one transaction: recorded once they are all done
        // (a run that dies half-way records nothing, and its rerun records the corrections it still makes)
        audit.append(new AuditEvent(tenantId, actor, "usage.reaggregated", "rollups", Map.of("from", from.toString(),
                "to", to.toString()), Map.of("months", report.months().toString(),
                "events", Integer.toString(report.events()), "items_compared", Integer.toString(report.itemsCompared()),
                "items_corrected", Integer.toString(report.itemsCorrected()),
                "conflicts", Integer.toString(report.conflicts())), requestId));
        return report;
    }

    @Override
    public ReaggregationReport reaggregate(TenantId tenantId, Instant from, Instant to) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
        List<YearMonth> months = new ArrayList<>();
        int[] totals = new int[4];
        for (YearMonth m = YearMonth.from(from.atZone(ZoneOffset.UTC));
                m.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).isBefore(to); m = m.plusMonths(1)) {
            months.add(m);
            int[] pass = month(tenantId, m);
            for (int i = 0; i < totals.length; i++) {
                totals[i] += pass[i];
            }
        }
        return new ReaggregationReport(months, totals[0], totals[1], totals[2], totals[3]);
    }

    /** @return events, items compared, items corrected, conflicts */
    private int[] month(TenantId tenantId, YearMonth month) {
        Instant start = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant end = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        int conflicts = 0;
        int correctedInAll = 0;
        for (int pass = 1; ; pass++) {
            Map<RollupKey, RollupTotals> current = currentItems(tenantId, start, end);
            List<ModelInvoked> events = history.countedEvents(tenantId, start, end);
            Map<RollupKey, RollupTotals> expected = ExpectedRollups.of(events, shards);
            Set<RollupKey> keys = new HashSet<>(current.keySet());
            keys.addAll(expected.keySet());
            int corrected = 0;
            int failed = 0;
            for (RollupKey key : keys) {
                RollupTotals want = expected.getOrDefault(key, RollupTotals.ZERO);
                RollupTotals have = current.get(key);
                if (want.equals(have == null ? RollupTotals.ZERO : have)) {
                    continue;
                }
                if (history.replace(tenantId, key, have, want)) {
                    corrected++;
                } else {
                    failed++;
                }
            }
            conflicts += failed;
            correctedInAll += corrected;
            if (failed == 0 || pass == MAX_PASSES) {
                if (failed > 0) {
                    throw new IllegalStateException("rollups of " + month + " kept changing during "
                            + MAX_PASSES + " passes; run the re-aggregation again");
                }
                return new int[] {events.size(), keys.size(), correctedInAll, conflicts};
            }
        }
    }

    private Map<RollupKey, RollupTotals> currentItems(TenantId tenantId, Instant start, Instant end) {
        Map<RollupKey, RollupTotals> items = new HashMap<>();
        for (Granularity granularity : Granularity.values()) {
            for (int shard = 0; shard < shards; shard++) {
                items.putAll(history.rollups(tenantId, granularity, shard, granularity.bucket(start),
                        granularity.bucket(end)));
            }
        }
        return items;
    }
}
