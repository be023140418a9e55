package io.tenantchat.api.tenant.application;

import io.tenantchat.api.tenant.domain.QuotaPeriods;
import io.tenantchat.shared.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What this api instance knows of each tenant's committed tokens this month (used + reserved), for the
 * {@code Quota-Warning} of an accepted message without a read per message: the counter as read at most
 * {@code ttl} ago, plus every reservation this instance made since. It lags behind by what other instances
 * reserved and usage-aggregator booked since that read (at most {@code ttl}); it only ever decides a warning,
 * never an admission (the counters' conditional writes decide those, exactly).
 */
public final class TokenGauges {

    private final QuotaLedger ledger;
    private final Clock clock;
    private final Duration ttl;
    private final Map<TenantId, Gauge> gauges = new ConcurrentHashMap<>();

    public TokenGauges(QuotaLedger ledger, Clock clock, Duration ttl) {
        this.ledger = ledger;
        this.clock = clock;
        this.ttl = ttl;
    }

    /** Makes sure the tenant's gauge for the month of {@code periods} is fresh; reads the counter only if not. */
    public void prepare(TenantId tenantId, QuotaPeriods periods) {
        Instant now = clock.instant();
        Gauge gauge = gauges.get(tenantId);
        if (gauge != null && gauge.month().equals(periods.month()) && now.isBefore(gauge.readAt().plus(ttl))) {
            return;
        }
        if (gauges.size() > TenantPlans.SWEEP_ABOVE) {
            gauges.values().removeIf(g -> !now.isBefore(g.readAt().plus(ttl)));
        }
        gauges.put(tenantId, new Gauge(periods.month(), ledger.tokensCommitted(tenantId, periods), now,
                new AtomicLong()));
    }

    /** Counts {@code tokens} this instance just reserved; @return the committed tokens as far as known now */
    public long reserved(TenantId tenantId, QuotaPeriods periods, long tokens) {
        Gauge gauge = gauges.get(tenantId);
        if (gauge == null || !gauge.month().equals(periods.month())) {
            return tokens;
        }
        return gauge.read() + gauge.since().addAndGet(tokens);
    }

    /** A tenant's plan changed: read its counter afresh next time. */
    public void forget(TenantId tenantId) {
        gauges.remove(tenantId);
    }

    private record Gauge(String month, long read, Instant readAt, AtomicLong since) {
    }
}
