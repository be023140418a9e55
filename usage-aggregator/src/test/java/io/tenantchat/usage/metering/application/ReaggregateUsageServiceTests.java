package io.tenantchat.usage.metering.application;

import static io.tenantchat.usage.support.UsageEvents.anEvent;
import static org.assertj.core.api.Assertions.assertThat;

import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.audit.AuditChain;
import io.tenantchat.shared.audit.AuditEvent;
import io.tenantchat.shared.usage.Granularity;
import io.tenantchat.shared.usage.ModelInvoked;
import io.tenantchat.usage.metering.domain.ExpectedRollups;
import io.tenantchat.usage.metering.domain.ReaggregationReport;
import io.tenantchat.usage.metering.domain.RollupKey;
import io.tenantchat.usage.metering.domain.RollupTotals;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ReaggregateUsageServiceTests {

    private static final TenantId TENANT = TenantId.of("tenant-001");
    private static final int SHARDS = 2;

    /** Rollups and raw rows in memory; a live event can be made to land between the reads and the writes. */
    private static final class History implements UsageHistory {
        final List<ModelInvoked> events = new ArrayList<>();
        final Map<RollupKey, RollupTotals> items = new HashMap<>();
        ModelInvoked landsDuringNextRawRead;

        void count(ModelInvoked event) {
            events.add(event);
            ExpectedRollups.of(List.of(event), SHARDS).forEach((key, totals) -> items.merge(key, totals,
                    (a, b) -> new RollupTotals(a.invocations() + b.invocations(), a.inputTokens() + b.inputTokens(),
                            a.outputTokens() + b.outputTokens(), 0, 0, a.costNanos() + b.costNanos(),
                            a.unknownUsage() + b.unknownUsage())));
        }

        @Override
        public List<ModelInvoked> countedEvents(TenantId tenantId, Instant from, Instant to) {
            List<ModelInvoked> read = events.stream()
                    .filter(e -> !e.invocationTime().isBefore(from) && e.invocationTime().isBefore(to)).toList();
            if (landsDuringNextRawRead != null) {
                count(landsDuringNextRawRead);
                landsDuringNextRawRead = null;
            }
            return read;
        }

        @Override
        public Map<RollupKey, RollupTotals> rollups(TenantId tenantId, Granularity granularity, int shard,
                String fromBucket, String toBucket) {
            return items.entrySet().stream().filter(e -> e.getKey().granularity() == granularity
                            && e.getKey().shard() == shard && e.getKey().bucket().compareTo(fromBucket) >= 0
                            && e.getKey().bucket().compareTo(toBucket) < 0)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        }

        @Override
        public boolean replace(TenantId tenantId, RollupKey key, RollupTotals current, RollupTotals expected) {
            if (!Objects.equals(items.get(key), current)) {
                return false;
            }
            items.put(key, expected);
            return true;
        }
    }

    private final History history = new History();
    private final List<AuditEvent> audited = new ArrayList<>();
    private final ReaggregateUsageService service = new ReaggregateUsageService(history, SHARDS, event -> {
        audited.add(event);
        return AuditChain.next(null, event, Instant.EPOCH);
    });

    @Test
    void anOperatorsRunIsRecordedInTheTenantsAuditTrailWithWhatItFoundAndCorrected() {
        history.count(anEvent().build());
        history.items.replaceAll((key, totals) -> new RollupTotals(99, 0, 0, 0, 0, 0, 0));

        ReaggregationReport report = service.reaggregate(TENANT, Instant.parse("2026-11-01T00:00:00Z"),
                Instant.parse("2026-12-01T00:00:00Z"), "ops-cli/alice", "reaggregate-1");

        assertThat(audited).singleElement().satisfies(event -> {
            assertThat(event.tenantId()).isEqualTo(TENANT);
            assertThat(event.actor()).isEqualTo("ops-cli/alice");
            assertThat(event.action()).isEqualTo("usage.reaggregated");
            assertThat(event.requestId()).isEqualTo("reaggregate-1");
            assertThat(event.before()).containsEntry("from", "2026-11-01T00:00:00Z")
                    .containsEntry("to", "2026-12-01T00:00:00Z");
            assertThat(event.after()).containsEntry("events", "1")
                    .containsEntry("items_corrected", Integer.toString(report.itemsCorrected()));
        });
        assertThat(report.itemsCorrected()).isPositive();
    }

    @Test
    void rangeIsWidenedToTheWholeMonthsItTouches() {
        ReaggregationReport report = service.reaggregate(TENANT, Instant.parse("2026-10-31T23:00:00Z"),
                Instant.parse("2026-11-01T01:00:00Z"));

        assertThat(report.months()).containsExactly(YearMonth.of(2026, 10), YearMonth.of(2026, 11));
    }

    @Test
    void liveEventThatLandsDuringAPassIsKeptAndThePassRepeated() {
        history.count(anEvent().build());
        RollupKey total = history.items.keySet().stream()
                .filter(k -> k.granularity() == Granularity.MONTH && k.dimension().equals("total")).findFirst()
                .orElseThrow();
        history.items.put(total, new RollupTotals(99, 0, 0, 0, 0, 0, 0));
        ModelInvoked live = anEvent().build();
        while (ExpectedRollups.of(List.of(live), SHARDS).keySet().stream().noneMatch(total::equals)) {
            live = anEvent().build();
        }
        history.landsDuringNextRawRead = live;

        ReaggregationReport report = service.reaggregate(TENANT, Instant.parse("2026-11-01T00:00:00Z"),
                Instant.parse("2026-12-01T00:00:00Z"));

        assertThat(report.conflicts()).isPositive();
        assertThat(report.events()).isEqualTo(2);
        assertThat(history.items).isEqualTo(ExpectedRollups.of(history.events, SHARDS));
    }
}
