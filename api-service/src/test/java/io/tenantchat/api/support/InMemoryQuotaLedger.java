package io.tenantchat.api.support;

import io.tenantchat.api.error.ConflictException;
import io.tenantchat.api.tenant.application.QuotaLedger;
import io.tenantchat.api.tenant.domain.LimitKind;
import io.tenantchat.api.tenant.domain.PlanLimits;
import io.tenantchat.api.tenant.domain.QuotaPeriods;
import io.tenantchat.api.tenant.domain.QuotaUsage;
import io.tenantchat.api.tenant.domain.Reservation;
import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Day, month, token and in-flight counters per tenant in memory (no per-second window, no sessions), for use-case
 * and web slice tests. The DynamoDB ledger has its own integration tests.
 */
public class InMemoryQuotaLedger implements QuotaLedger {

    private final Map<TenantId, long[]> counters = new HashMap<>();
    private final Map<MessageId, Reservation> holds = new HashMap<>();

    @Override
    public synchronized Optional<LimitKind> reserve(Reservation r, PlanLimits limits) {
        long[] c = counters.computeIfAbsent(r.tenantId(), t -> new long[4]);
        if (c[0] >= limits.messagesPerDay()) {
            return Optional.of(LimitKind.DAILY_MESSAGES);
        }
        if (c[1] >= limits.messagesPerMonth()) {
            return Optional.of(LimitKind.MONTHLY_MESSAGES);
        }
        if (c[2] + r.tokens() > limits.monthlyTokens()) {
            return Optional.of(LimitKind.MONTHLY_TOKENS);
        }
        if (c[3] >= limits.maxInFlight()) {
            return Optional.of(LimitKind.IN_FLIGHT);
        }
        c[0]++;
        c[1]++;
        c[2] += r.tokens();
        c[3]++;
        holds.put(r.messageId(), r);
        return Optional.empty();
    }

    @Override
    public synchronized Optional<LimitKind> reserveAgain(Reservation r, PlanLimits limits) {
        if (holds.containsKey(r.messageId())) {
            throw new ConflictException("message_not_failed", "only a failed message can be retried");
        }
        return reserve(r, limits);
    }

    /** What a worker does when the message ends: gives back its in-flight slot (tokens stay until usage is booked). */
    public synchronized void finish(MessageId messageId) {
        Reservation r = holds.remove(messageId);
        if (r != null) {
            counters.get(r.tenantId())[3]--;
        }
    }

    @Override
    public synchronized void release(TenantId tenantId, MessageId messageId) {
        Reservation r = holds.remove(messageId);
        if (r != null && r.tenantId().equals(tenantId)) {
            long[] c = counters.get(tenantId);
            c[2] -= r.tokens();
            c[3]--;
        }
    }

    @Override
    public synchronized void cancel(TenantId tenantId, SessionId sessionId, MessageId messageId) {
        Reservation r = holds.remove(messageId);
        if (r != null && r.tenantId().equals(tenantId)) {
            long[] c = counters.get(tenantId);
            c[0]--;
            c[1]--;
            c[2] -= r.tokens();
            c[3]--;
        }
    }

    @Override
    public synchronized long tokensCommitted(TenantId tenantId, QuotaPeriods periods) {
        return counters.getOrDefault(tenantId, new long[4])[2];
    }

    @Override
    public synchronized QuotaUsage usage(TenantId tenantId, QuotaPeriods periods) {
        long[] c = counters.getOrDefault(tenantId, new long[4]);
        return new QuotaUsage(c[0], c[1], 0, c[2], c[3], 0);
    }
}
