package io.tenantchat.api.tenant.application;

import io.tenantchat.api.tenant.domain.LimitKind;
import io.tenantchat.api.tenant.domain.QuotaPeriods;
import io.tenantchat.shared.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * This api instance's memory of the tenants the shared counters refused a moment ago, so a tenant flooding past a
 * limit is refused again without a DynamoDB transaction. It only ever refuses: whether a message is admitted is
 * decided by {@link QuotaLedger} alone, so replicas cannot disagree about an acceptance. The worst a hint can do is
 * refuse a message that a slot freed within its short window would have let in. At most one hint per tenant, the
 * latest refusal; expired hints are dropped.
 */
public final class RefusalHints {

    private final Windows windows;
    private final Map<TenantId, Hint> hints = new ConcurrentHashMap<>();
    private final AtomicReference<Instant> nextSweep = new AtomicReference<>(Instant.MIN);
    private final LongAdder byHint = new LongAdder();
    private final LongAdder byLedger = new LongAdder();

    public RefusalHints(Windows windows) {
        this.windows = Objects.requireNonNull(windows, "windows");
    }

    /** Hints switched off: every message goes to the shared counters. */
    public static RefusalHints disabled() {
        return new RefusalHints(new Windows(false, Duration.ZERO, Duration.ZERO));
    }

    /** The refusal a message of {@code tokens} reserved tokens gets now from a live hint, if one matches. */
    public Optional<QuotaExceededException> refusal(TenantId tenantId, long tokens, Instant now) {
        Hint hint = hints.get(tenantId);
        if (hint == null) {
            return Optional.empty();
        }
        if (!now.isBefore(hint.until())) {
            hints.remove(tenantId, hint);
            return Optional.empty();
        }
        if (hint.kind() == LimitKind.MONTHLY_TOKENS && tokens < hint.tokens()) {
            return Optional.empty(); // a smaller message may still fit the budget
        }
        byHint.increment();
        return Optional.of(new QuotaExceededException(hint.kind(), hint.limit(),
                new QuotaPeriods(now).secondsUntilReset(hint.kind())));
    }

    /**
     * Remembers that the shared counters refused a message of {@code tokens} tokens at {@code now} because of
     * {@code kind} (whose value was {@code limit}). Session refusals depend on the session and are not remembered.
     */
    public void remember(TenantId tenantId, LimitKind kind, long limit, long tokens, Instant now) {
        byLedger.increment();
        Instant until = until(kind, now);
        if (!windows.enabled() || !until.isAfter(now)) {
            return;
        }
        sweep(now);
        hints.put(tenantId, new Hint(kind, limit, tokens, until));
    }

    /** Drops the tenant's hint (its plan changed). */
    public void forget(TenantId tenantId) {
        hints.remove(tenantId);
    }

    /** Refusals answered from a hint so far. */
    public long answeredByHint() {
        return byHint.sum();
    }

    /** Refusals by the shared counters so far (each one passed to {@link #remember}). */
    public long answeredByLedger() {
        return byLedger.sum();
    }

    /** Tenants with a hint (live or not yet swept). */
    public int size() {
        return hints.size();
    }

    private Instant until(LimitKind kind, Instant now) {
        return switch (kind) {
            case IN_FLIGHT -> now.plus(windows.inFlight());
            case REQUESTS_PER_SECOND -> new QuotaPeriods(now).windowEnd(kind).orElseThrow();
            case DAILY_MESSAGES, MONTHLY_MESSAGES, MONTHLY_TOKENS -> min(new QuotaPeriods(now).windowEnd(kind)
                    .orElseThrow(), now.plus(windows.longest()));
            case CONCURRENT_SESSIONS -> now;
        };
    }

    /** Drops expired hints at most once per longest window, so the map holds only recently refused tenants. */
    private void sweep(Instant now) {
        Instant due = nextSweep.get();
        if (now.isBefore(due) || !nextSweep.compareAndSet(due, now.plus(windows.longest().plus(windows.inFlight())))) {
            return;
        }
        hints.values().removeIf(hint -> !now.isBefore(hint.until()));
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /**
     * How long a refusal is remembered. A rate refusal lasts until its second ends, whatever these say.
     *
     * @param enabled false to send every message to the shared counters
     * @param inFlight for {@code too_many_in_flight} (a slot frees whenever a reply ends, so keep it short)
     * @param longest at most this long for the day, month and token limits (never past their reset)
     */
    public record Windows(boolean enabled, Duration inFlight, Duration longest) {

        public Windows {
            Objects.requireNonNull(inFlight, "inFlight");
            Objects.requireNonNull(longest, "longest");
            if (inFlight.isNegative() || longest.isNegative()) {
                throw new IllegalArgumentException("hint windows must not be negative");
            }
        }
    }

    private record Hint(LimitKind kind, long limit, long tokens, Instant until) {
    }
}
