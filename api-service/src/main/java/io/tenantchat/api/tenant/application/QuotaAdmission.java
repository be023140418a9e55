package io.tenantchat.api.tenant.application;

import io.tenantchat.api.chat.application.ChatAdmission;
import io.tenantchat.api.tenant.domain.LimitKind;
import io.tenantchat.api.tenant.domain.QuotaUsage;
import io.tenantchat.api.tenant.domain.Reservation;
import io.tenantchat.api.tenant.domain.TenantPlan;
import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import java.time.Clock;
import java.util.Optional;

/**
 * Admits chat messages against the tenant's plan. A message reserves its largest possible token cost (the
 * model's output cap plus an estimate of the input) until usage-aggregator books what the model really used.
 */
public final class QuotaAdmission implements ChatAdmission {

    private final TenantPlans plans;
    private final QuotaLedger ledger;
    private final TokenEstimate estimate;
    private final Clock clock;

    public QuotaAdmission(TenantPlans plans, QuotaLedger ledger, TokenEstimate estimate, Clock clock) {
        this.plans = plans;
        this.ledger = ledger;
        this.estimate = estimate;
        this.clock = clock;
    }

    @Override
    public Admitted admit(TenantId tenantId, SessionId sessionId, MessageId messageId, int messageChars) {
        TenantPlan plan = plans.of(tenantId);
        Reservation reservation = new Reservation(tenantId, sessionId, messageId, estimate.reserve(messageChars),
                clock.instant());
        Optional<LimitKind> refused = reservation.tokens() > plan.limits().monthlyTokens()
                ? Optional.of(LimitKind.MONTHLY_TOKENS) : ledger.reserve(reservation, plan.limits());
        if (refused.isPresent()) {
            LimitKind kind = refused.get();
            throw new QuotaExceededException(kind, kind.of(plan.limits()), reservation.periods().secondsUntilReset(kind));
        }
        long committed = ledger.tokensCommitted(tenantId, reservation.periods());
        int percent = new QuotaUsage(0, 0, committed, 0, 0, 0).tokenPercent(plan.limits());
        return new Admitted(percent >= QuotaUsage.WARNING_PERCENT
                ? "monthly_tokens=" + percent + "%" : null);
    }

    @Override
    public void withdraw(TenantId tenantId, SessionId sessionId, MessageId messageId) {
        ledger.cancel(tenantId, sessionId, messageId);
    }
}
