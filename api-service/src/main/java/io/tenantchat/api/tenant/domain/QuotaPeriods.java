package io.tenantchat.api.tenant.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The UTC windows counters are kept in at one instant: its second, day and month, and how long until each ends.
 */
public record QuotaPeriods(Instant at) {

    public long epochSecond() {
        return at.getEpochSecond();
    }

    public String day() {
        return LocalDate.ofInstant(at, ZoneOffset.UTC).toString();
    }

    public String month() {
        return YearMonth.from(at.atOffset(ZoneOffset.UTC)).toString();
    }

    /** Whole seconds (at least 1) until the window of {@code kind} starts afresh; in-flight limits free up soon. */
    public long secondsUntilReset(LimitKind kind) {
        return switch (kind) {
            case REQUESTS_PER_SECOND -> 1;
            case DAILY_MESSAGES, MONTHLY_MESSAGES, MONTHLY_TOKENS -> until(windowEnd(kind).orElseThrow());
            case IN_FLIGHT, CONCURRENT_SESSIONS -> 2;
        };
    }

    /**
     * The instant the counter of {@code kind} starts afresh: the next second, UTC midnight or month; empty for the
     * in-flight and session limits, which have no window (they free up when a reply ends).
     */
    public Optional<Instant> windowEnd(LimitKind kind) {
        return Optional.ofNullable(switch (kind) {
            case REQUESTS_PER_SECOND -> Instant.ofEpochSecond(at.getEpochSecond() + 1);
            case DAILY_MESSAGES -> LocalDate.ofInstant(at, ZoneOffset.UTC).plusDays(1).atStartOfDay()
                    .toInstant(ZoneOffset.UTC);
            case MONTHLY_MESSAGES, MONTHLY_TOKENS -> YearMonth.from(at.atOffset(ZoneOffset.UTC)).plusMonths(1)
                    .atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
            case IN_FLIGHT, CONCURRENT_SESSIONS -> null;
        });
    }

    private long until(Instant end) {
        long millis = end.toEpochMilli() - at.toEpochMilli();
        return Math.max(1, (millis + 999) / 1000);
    }
}
