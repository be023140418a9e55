package io.tenantchat.api.tenant.application;

import io.tenantchat.api.chat.application.ChatAdmission;
import io.tenantchat.api.chat.application.QuotaClaim;
import io.tenantchat.api.chat.application.QuotaRefusal;
import io.tenantchat.api.tenant.domain.LimitKind;
import io.tenantchat.api.tenant.domain.PlanLimits;
import io.tenantchat.api.tenant.domain.QuotaPeriods;
import io.tenantchat.api.tenant.domain.QuotaUsage;
import io.tenantchat.api.tenant.domain.Reservation;
import io.tenantchat.api.tenant.domain.TenantPlan;
import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * Admits chat messages against the tenant's plan. A message reserves its largest possible token cost (the
 * model's output cap plus an estimate of the input) until usage-aggregator books what the model really used.
 */
public final class QuotaAdmission implements ChatAdmission {

    private final TenantPlans plans;
    private final QuotaLedger ledger;
    private final TokenEstimate estimate;
    private final Clock clock;
    private final RefusalHints hints;
    private final TokenGauges gauges;

    public QuotaAdmission(TenantPlans plans, QuotaLedger ledger, TokenEstimate estimate, Clock clock) {
        this(plans, ledger, estimate, clock, RefusalHints.disabled());
    }

    public QuotaAdmission(TenantPlans plans, QuotaLedger ledger, TokenEstimate estimate, Clock clock,
            RefusalHints hints) {
        this(plans, ledger, estimate, clock, hints, new TokenGauges(ledger, clock, Duration.ZERO));
    }

    /**
     * @param hints this instance's recent refusals, answered again without the ledger while they last
     * @param gauges what this instance knows of each tenant's committed tokens, for warnings without a read
     */
    public QuotaAdmission(TenantPlans plans, QuotaLedger ledger, TokenEstimate estimate, Clock clock,
            RefusalHints hints, TokenGauges gauges) {
        this.gauges = gauges;
        this.plans = plans;
        this.ledger = ledger;
        this.estimate = estimate;
        this.clock = clock;
        this.hints = hints;
    }

    @Override
    public void refuseIfKnown(TenantId tenantId, int messageChars) {
        hints.refusal(tenantId, estimate.reserve(messageChars), clock.instant()).ifPresent(hinted -> {
            throw hinted;
        });
    }

    @Override
    public Admitted admit(TenantId tenantId, SessionId sessionId, MessageId messageId, int messageChars) {
        return admit(tenantId, sessionId, messageId, messageChars, ledger::reserve);
    }

    @Override
    public Admitted readmit(TenantId tenantId, SessionId sessionId, MessageId messageId, int messageChars) {
        return admit(tenantId, sessionId, messageId, messageChars, ledger::reserveAgain);
    }

    private Admitted admit(TenantId tenantId, SessionId sessionId, MessageId messageId, int messageChars,
            BiFunction<Reservation, PlanLimits, Optional<LimitKind>> reserve) {
        refuseIfKnown(tenantId, messageChars);
        Instant now = clock.instant();
        long tokens = estimate.reserve(messageChars);
        TenantPlan plan = plans.of(tenantId);
        Reservation reservation = new Reservation(tenantId, sessionId, messageId, tokens, now);
        if (tokens > plan.limits().monthlyTokens()) {
            throw refusal(LimitKind.MONTHLY_TOKENS, plan, reservation);
        }
        Optional<LimitKind> refused = reserve.apply(reservation, plan.limits());
        if (refused.isPresent()) {
            hints.remember(tenantId, refused.get(), refused.get().of(plan.limits()), tokens, now);
            throw refusal(refused.get(), plan, reservation);
        }
        long committed = ledger.tokensCommitted(tenantId, reservation.periods());
        int percent = new QuotaUsage(0, 0, committed, 0, 0, 0).tokenPercent(plan.limits());
        return new Admitted(percent >= QuotaUsage.WARNING_PERCENT
                ? "monthly_tokens=" + percent + "%" : null);
    }

    @Override
    public QuotaClaim claim(TenantId tenantId, SessionId sessionId, MessageId messageId, int messageChars) {
        refuseIfKnown(tenantId, messageChars);
        Instant now = clock.instant();
        long tokens = estimate.reserve(messageChars);
        TenantPlan plan = plans.of(tenantId);
        Reservation reservation = new Reservation(tenantId, sessionId, messageId, tokens, now);
        if (tokens > plan.limits().monthlyTokens()) {
            throw refusal(LimitKind.MONTHLY_TOKENS, plan, reservation);
        }
        gauges.prepare(tenantId, reservation.periods());
        PlanLimits l = plan.limits();
        return new QuotaClaim(tenantId, sessionId, messageId, tokens, now, new QuotaClaim.Limits(l.requestsPerSecond(),
                l.messagesPerDay(), l.messagesPerMonth(), l.monthlyTokens(), l.maxInFlight(), l.concurrentSessions()),
                QuotaClaim.LIVE);
    }

    @Override
    public RuntimeException refused(@Nullable QuotaClaim claim, QuotaRefusal refusal) {
        if (claim == null) {
            return ChatAdmission.super.refused(null, refusal);
        }
        LimitKind kind = LimitKind.valueOf(refusal.name());
        long limit = kind.of(limitsOf(claim));
        hints.remember(claim.tenantId(), kind, limit, claim.tokens(), claim.at());
        return new QuotaExceededException(kind, limit, new QuotaPeriods(claim.at()).secondsUntilReset(kind));
    }

    @Override
    public @Nullable String warning(@Nullable QuotaClaim claim) {
        if (claim == null) {
            return null;
        }
        long committed = gauges.reserved(claim.tenantId(), new QuotaPeriods(claim.at()), claim.tokens());
        int percent = new QuotaUsage(0, 0, committed, 0, 0, 0).tokenPercent(limitsOf(claim));
        return percent >= QuotaUsage.WARNING_PERCENT ? "monthly_tokens=" + percent + "%" : null;
    }

    private static PlanLimits limitsOf(QuotaClaim claim) {
        QuotaClaim.Limits l = claim.limits();
        return new PlanLimits(l.messagesPerDay(), l.messagesPerMonth(), l.concurrentSessions(), l.monthlyTokens(),
                l.requestsPerSecond(), l.maxInFlight());
    }

    private static QuotaExceededException refusal(LimitKind kind, TenantPlan plan, Reservation reservation) {
        return new QuotaExceededException(kind, kind.of(plan.limits()), reservation.periods().secondsUntilReset(kind));
    }

    @Override
    public void withdraw(TenantId tenantId, SessionId sessionId, MessageId messageId) {
        ledger.cancel(tenantId, sessionId, messageId);
    }
}
