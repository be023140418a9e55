package io.tenantchat.api.tenant.adapter.out.dynamodb;

import io.tenantchat.api.chat.application.QuotaClaim;
import io.tenantchat.api.chat.application.QuotaRefusal;
import io.tenantchat.api.tenant.config.TenantProperties;
import io.tenantchat.api.credentials.TenantDynamoDb;
import io.tenantchat.api.tenant.domain.PlanLimits;
import io.tenantchat.api.tenant.domain.Reservation;
import io.tenantchat.api.tenant.application.PlanChanges;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.table.TenantsTable;
import io.tenantchat.shared.table.TenantsTable.Live;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The quota writes of a {@link QuotaClaim} for another adapter's transaction (the chat intake writes them with the
 * message): the same conditional counters and hold as {@link DynamoDbQuotaLedger} (layout in {@link QuotaKeys},
 * order in {@link QuotaWrites}), and how to read a cancellation of them.
 */
@Component
public class QuotaClaimWrites {

    private static final String CONDITION_FAILED = "ConditionalCheckFailed";
    private static final List<QuotaRefusal> BY_INDEX = List.of(QuotaRefusal.REQUESTS_PER_SECOND,
            QuotaRefusal.DAILY_MESSAGES, QuotaRefusal.MONTHLY_MESSAGES, QuotaRefusal.MONTHLY_TOKENS);

    private final TenantDynamoDb dynamo;
    private final String table;
    private final QuotaWrites writes;
    private final Set<TenantId> liveItems = ConcurrentHashMap.newKeySet();

    public QuotaClaimWrites(TenantDynamoDb dynamo, TenantProperties tenants) {
        this.dynamo = dynamo;
        this.table = tenants.table();
        this.writes = new QuotaWrites(table);
    }

    /**
     * A tenant's plan changed, or the tenant was off-boarded (its live item deleted with its other items): create the
     * live item again before its next claim, on every instance that hears it.
     */
    @Autowired
    void forgetLiveItemsOnPlanChanges(PlanChanges changes) {
        changes.subscribe(liveItems::remove);
    }

    /** How many writes {@link #writes} returns. */
    public int size() {
        return QuotaWrites.HOLD + 1;
    }

    /**
     * The claim's writes: rate, day, month, tokens, in flight, hold (a new hold, or with {@code again} the hold of a
     * retried message taken again on condition it holds nothing).
     */
    public List<TransactWriteItem> writes(QuotaClaim claim, boolean again) {
        Reservation r = new Reservation(claim.tenantId(), claim.sessionId(), claim.messageId(), claim.tokens(),
                claim.at());
        return again ? writes.reserveAgain(r, limits(claim)) : writes.reserve(r, limits(claim));
    }

    /**
     * The shared counter writes of several claims of one tenant committed together (group commit; see
     * {@link QuotaWrites#shared}); empty when they cannot be (different seconds, days, months or limits, a
     * session twice, or more than a limit allows at once): then each claim is written on its own.
     */
    public List<TransactWriteItem> sharedWrites(List<QuotaClaim> claims) {
        QuotaClaim first = claims.get(0);
        QuotaClaim.Limits l = first.limits();
        long k = claims.size();
        long tokens = claims.stream().mapToLong(QuotaClaim::tokens).sum();
        boolean together = claims.stream().allMatch(c -> c.tenantId().equals(first.tenantId())
                && c.at().getEpochSecond() == first.at().getEpochSecond() && c.limits().equals(l)
                && QuotaClaim.LIVE.equals(c.counterKey()))
                && claims.stream().map(QuotaClaim::sessionId).distinct().count() == k
                && k <= l.requestsPerSecond() && k <= l.messagesPerDay() && k <= l.messagesPerMonth()
                && k <= l.maxInFlight() && k <= l.concurrentSessions() && tokens <= l.monthlyTokens();
        if (!together) {
            return List.of();
        }
        return writes.shared(claims.stream().map(QuotaClaimWrites::reservation).toList(), limits(first));
    }

    /** The hold of one claim in a group commit (a new hold, on condition none exists). */
    public TransactWriteItem holdWrite(QuotaClaim claim) {
        return writes.hold(reservation(claim));
    }

    private static Reservation reservation(QuotaClaim c) {
        return new Reservation(c.tenantId(), c.sessionId(), c.messageId(), c.tokens(), c.at());
    }

    /**
     * The limit that refused the claim, from a cancelled transaction whose claim writes start at {@code offset};
     * empty when none did (a conflict, or another write's condition).
     */
    public Optional<QuotaRefusal> refusal(QuotaClaim claim, List<CancellationReason> reasons, int offset) {
        for (int i = 0; i < QuotaWrites.HOLD && offset + i < reasons.size(); i++) {
            CancellationReason reason = reasons.get(offset + i);
            if (!CONDITION_FAILED.equals(reason.code())) {
                continue;
            }
            if (i < BY_INDEX.size()) {
                return Optional.of(BY_INDEX.get(i));
            }
            Map<String, AttributeValue> live = reason.hasItem() ? reason.item() : read(claim.tenantId(), TenantsTable.LIVE);
            AttributeValue inflight = live.get(Live.INFLIGHT);
            return Optional.of(inflight != null && Long.parseLong(inflight.n()) >= claim.limits().maxInFlight()
                    ? QuotaRefusal.IN_FLIGHT : QuotaRefusal.CONCURRENT_SESSIONS);
        }
        return Optional.empty();
    }

    /** Whether the hold's condition failed (a new message's id held twice, or a retried message still holding). */
    public boolean holdRefused(List<CancellationReason> reasons, int offset) {
        int i = offset + QuotaWrites.HOLD;
        return reasons.size() > i && CONDITION_FAILED.equals(reasons.get(i).code());
    }

    /** Creates the tenant's in-flight item once per instance (its session map must exist before a claim sets in it). */
    public void ensureLiveItem(TenantId t) {
        if (liveItems.contains(t)) {
            return;
        }
        dynamo.client(t).updateItem(u -> u.tableName(table).key(QuotaKeys.key(t, TenantsTable.LIVE))
                .updateExpression("SET sessions = if_not_exists(sessions, :empty), inflight = if_not_exists(inflight, :zero)")
                .expressionAttributeValues(Map.of(":empty", AttributeValue.fromM(Map.of()), ":zero", QuotaKeys.n(0))));
        liveItems.add(t);
    }

    /** Removes sessions with nothing in flight from the live map (a release's clean-up may have been lost). */
    public boolean pruneIdleSessions(TenantId t) {
        Map<String, AttributeValue> live = read(t, TenantsTable.LIVE);
        if (!live.containsKey(Live.SESSIONS)) {
            return false;
        }
        boolean pruned = false;
        for (Map.Entry<String, AttributeValue> e : live.get(Live.SESSIONS).m().entrySet()) {
            if (Long.parseLong(e.getValue().n()) <= 0) {
                pruned |= pruneIdleSession(t, e.getKey());
            }
        }
        return pruned;
    }

    private boolean pruneIdleSession(TenantId t, String sessionId) {
        try {
            dynamo.client(t).updateItem(u -> u.tableName(table).key(QuotaKeys.key(t, TenantsTable.LIVE))
                    .updateExpression(Live.FORGET_SESSION)
                    .conditionExpression(Live.FORGET_SESSION_CONDITION)
                    .expressionAttributeNames(Map.of("#sid", sessionId))
                    .expressionAttributeValues(Map.of(":zero", QuotaKeys.n(0))));
            return true;
        } catch (ConditionalCheckFailedException stillInFlight) {
            return false;
        }
    }

    private Map<String, AttributeValue> read(TenantId t, String sk) {
        Map<String, AttributeValue> item = dynamo.client(t).getItem(g -> g.tableName(table).key(QuotaKeys.key(t, sk))
                .consistentRead(true)).item();
        return item == null ? Map.of() : item;
    }

    private static PlanLimits limits(QuotaClaim claim) {
        QuotaClaim.Limits l = claim.limits();
        return new PlanLimits(l.messagesPerDay(), l.messagesPerMonth(), l.concurrentSessions(), l.monthlyTokens(),
                l.requestsPerSecond(), l.maxInFlight());
    }
}
