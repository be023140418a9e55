package io.tenantchat.usage.metering.domain;

import java.time.YearMonth;
import java.util.List;

/**
 * What a re-aggregation did: the whole UTC months it recomputed, the counted events it read, the rollup items it
 * compared and corrected, and how often a live event raced it (that pass was repeated).
 */
public record ReaggregationReport(List<YearMonth> months, int events, int itemsCompared, int itemsCorrected,
        int conflicts) {
}
