package io.tenantchat.api.usage.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantchat.api.error.ForbiddenException;
import io.tenantchat.api.error.InvalidRequestException;
import io.tenantchat.api.identity.Caller;
import io.tenantchat.api.usage.domain.RollupRow;
import io.tenantchat.api.usage.domain.UsageFigures;
import io.tenantchat.api.usage.domain.UsageReport;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.UserId;
import io.tenantchat.shared.usage.Granularity;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UsageServiceTests {

    private final List<String> reads = new ArrayList<>();
    private final UsageRollupReader reader = (tenant, granularity, from, to) -> {
        reads.add(tenant.value() + " " + granularity.wireValue() + " " + from + ".." + to);
        return List.of(row("2026-11-28", "total", 1, 10), row("2026-11-29", "total", 2, 30),
                row("2026-11-29", "model#m1", 2, 30), row("2026-11-28", "model#m1", 1, 10),
                row("2026-11-29", "user#alice", 3, 40));
    };
    private final UsageService service = new UsageService(reader,
            Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC));

    @Test
    void defaultsToTheLast30DaysByDayAndSumsTotalsSeriesAndModels() {
        UsageReport report = service.usage(member("tenant-001"), new UsageQuery("tenant-001", null, null, null));

        assertThat(reads).containsExactly("tenant-001 day 2026-10-30..2026-11-29");
        assertThat(report.totals().invocations()).isEqualTo(3);
        assertThat(report.totals().inputTokens()).isEqualTo(40);
        assertThat(report.totals().costUsd()).isEqualByComparingTo(new BigDecimal("0.000040"));
        assertThat(report.series()).containsOnlyKeys("2026-11-28", "2026-11-29");
        assertThat(report.byModel().get("m1").invocations()).isEqualTo(3);
    }

    @Test
    void showsPerUserFiguresOnlyToTenantAdmins() {
        assertThat(service.usage(member("tenant-001"), new UsageQuery("tenant-001", null, null, null)).byUser()).isNull();

        Caller admin = new Caller(TenantId.of("tenant-001"), UserId.of("boss"), Set.of("tenant-admin"));
        assertThat(service.usage(admin, new UsageQuery("tenant-001", null, null, null)).byUser()).containsOnlyKeys("alice");
    }

    @Test
    void refusesAnotherTenantsUsageUnlessPlatformOperator() {
        assertThatThrownBy(() -> service.usage(member("tenant-002"), new UsageQuery("tenant-001", null, null, null)))
                .isInstanceOf(ForbiddenException.class);
        assertThat(reads).isEmpty();

        Caller operator = new Caller(TenantId.of("ops"), UserId.of("op"), Set.of("platform-operator"));
        assertThat(service.usage(operator, new UsageQuery("tenant-001", null, null, null)).tenantId().value())
                .isEqualTo("tenant-001");
    }

    @Test
    void refusesBackwardsOrOversizedRanges() {
        Instant now = Instant.parse("2026-11-29T12:00:00Z");
        assertThatThrownBy(() -> service.usage(member("tenant-001"),
                new UsageQuery("tenant-001", now, now.minusSeconds(1), Granularity.DAY))).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> service.usage(member("tenant-001"),
                new UsageQuery("tenant-001", now.minusSeconds(40L * 86400), now, Granularity.HOUR)))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> service.usage(member("tenant-001"), new UsageQuery("tenant#1", null, null, null)))
                .isInstanceOf(InvalidRequestException.class);
    }

    private static Caller member(String tenant) {
        return new Caller(TenantId.of(tenant), UserId.of("alice"), Set.of());
    }

    private static RollupRow row(String bucket, String dimension, long invocations, long inputTokens) {
        return new RollupRow(bucket, dimension, new UsageFigures(invocations, inputTokens, 0, 0, 0, inputTokens * 1000, 0));
    }
}
