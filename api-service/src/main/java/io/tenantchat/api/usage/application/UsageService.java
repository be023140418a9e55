package io.tenantchat.api.usage.application;

import io.tenantchat.api.error.ForbiddenException;
import io.tenantchat.api.error.InvalidRequestException;
import io.tenantchat.api.identity.Caller;
import io.tenantchat.api.usage.domain.RollupRow;
import io.tenantchat.api.usage.domain.UsageFigures;
import io.tenantchat.api.usage.domain.UsageReport;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.usage.Granularity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds usage reports from rollups, within the caller's rights. */
public final class UsageService implements ViewUsageUseCase {

    public static final String TENANT_ADMIN = "tenant-admin";
    public static final String PLATFORM_OPERATOR = "platform-operator";
    static final Duration DEFAULT_RANGE = Duration.ofDays(30);

    private final UsageRollupReader rollups;
    private final Clock clock;

    public UsageService(UsageRollupReader rollups, Clock clock) {
        this.rollups = rollups;
        this.clock = clock;
    }

    @Override
    public UsageReport usage(Caller caller, UsageQuery query) {
        TenantId tenant = permittedTenant(caller, query.tenantId());
        Granularity granularity = query.granularity() == null ? Granularity.DAY : query.granularity();
        Instant to = query.to() == null ? clock.instant() : query.to();
        Instant from = query.from() == null ? to.minus(DEFAULT_RANGE) : query.from();
        requireValidRange(from, to, granularity);
        List<RollupRow> rows = rollups.read(tenant, granularity, granularity.bucket(from), granularity.bucket(to));
        boolean seesUsers = caller.groups().contains(TENANT_ADMIN) || caller.groups().contains(PLATFORM_OPERATOR);
        return new UsageReport(tenant, from, to, granularity, sum(rows, "total"), series(rows), byPrefix(rows, "model#"),
                seesUsers ? byPrefix(rows, "user#") : null);
    }

    private static TenantId permittedTenant(Caller caller, String requested) {
        if (!TenantId.isValid(requested)) {
            throw new InvalidRequestException("invalid_tenant_id", "not a tenant id");
        }
        TenantId tenant = TenantId.of(requested);
        if (!tenant.equals(caller.tenantId()) && !caller.groups().contains(PLATFORM_OPERATOR)) {
            throw new ForbiddenException("tenant_mismatch", "usage of another tenant is not visible to this token");
        }
        return tenant;
    }

    private static void requireValidRange(Instant from, Instant to, Granularity granularity) {
        if (from.isAfter(to)) {
            throw new InvalidRequestException("invalid_range", "from must not be after to");
        }
        if (Duration.between(from, to).compareTo(maxRange(granularity)) > 0) {
            throw new InvalidRequestException("range_too_large",
                    "at most " + maxRange(granularity).toDays() + " days at " + granularity.wireValue() + " granularity");
        }
    }

    /** The longest range one report reads at each granularity. */
    private static Duration maxRange(Granularity granularity) {
        return switch (granularity) {
            case HOUR -> Duration.ofDays(31);
            case DAY -> Duration.ofDays(732);
            case MONTH -> Duration.ofDays(3660);
        };
    }

    private static UsageFigures sum(List<RollupRow> rows, String dimension) {
        return rows.stream().filter(r -> r.dimension().equals(dimension)).map(RollupRow::figures)
                .reduce(UsageFigures.ZERO, UsageFigures::plus);
    }

    private static Map<String, UsageFigures> series(List<RollupRow> rows) {
        Map<String, UsageFigures> series = new TreeMap<>();
        rows.stream().filter(r -> r.dimension().equals("total"))
                .forEach(r -> series.merge(r.bucket(), r.figures(), UsageFigures::plus));
        return series;
    }

    private static Map<String, UsageFigures> byPrefix(List<RollupRow> rows, String prefix) {
        Map<String, UsageFigures> grouped = new TreeMap<>();
        rows.stream().filter(r -> r.dimension().startsWith(prefix))
                .forEach(r -> grouped.merge(r.dimension().substring(prefix.length()), r.figures(), UsageFigures::plus));
        return grouped;
    }
}
