package io.tenantchat.api.tenant.adapter.out.dynamodb;

import io.tenantchat.api.tenant.config.TenantProperties;
import io.tenantchat.api.error.ConflictException;
import io.tenantchat.api.credentials.TenantDynamoDb;
import io.tenantchat.api.error.UnavailableException;
import io.tenantchat.api.tenant.application.QuotaLedger;
import io.tenantchat.api.tenant.domain.LimitKind;
import io.tenantchat.api.tenant.domain.PlanLimits;
import io.tenantchat.api.tenant.domain.QuotaPeriods;
import io.tenantchat.api.tenant.domain.QuotaUsage;
import io.tenantchat.api.tenant.domain.Reservation;
import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.api.tenant.application.PlanChanges;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.table.TenantsTable;
import io.tenantchat.shared.table.TenantsTable.Counter;
import io.tenantchat.shared.table.TenantsTable.Hold;
import io.tenantchat.shared.table.TenantsTable.Live;
import io.tenantchat.shared.table.TenantsTable.Tokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Quota counters as atomic conditional writes in the tenants table (layout in {@link QuotaKeys}). Concurrent
 * transactions on the same counters are cancelled by DynamoDB rather than queued: they are retried a few times
 * with jitter, then answered 503.
 */
@Component
class DynamoDbQuotaLedger implements QuotaLedger {

    private static final String CONDITION_FAILED = "ConditionalCheckFailed";
    private static final int ATTEMPTS = 8;
    private static final List<LimitKind> BY_INDEX = List.of(LimitKind.REQUESTS_PER_SECOND, LimitKind.DAILY_MESSAGES,
            LimitKind.MONTHLY_MESSAGES, LimitKind.MONTHLY_TOKENS);

    private final TenantDynamoDb dynamo;
    private final String table;
    private final QuotaWrites writes;
    private final Set<TenantId> liveItems = ConcurrentHashMap.newKeySet();

    DynamoDbQuotaLedger(TenantDynamoDb dynamo, TenantProperties tenants) {
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

    @Override
    public Optional<LimitKind> reserve(Reservation r, PlanLimits limits) {
        return reserve(r, limits, writes.reserve(r, limits), () -> new IllegalStateException("message id reserved twice"));
    }

    @Override
    public Optional<LimitKind> reserveAgain(Reservation r, PlanLimits limits) {
        return reserve(r, limits, writes.reserveAgain(r, limits),
                () -> new ConflictException("message_not_failed", "only a failed message can be retried"));
    }

    private Optional<LimitKind> reserve(Reservation r, PlanLimits limits, List<TransactWriteItem> reservation,
            Supplier<RuntimeException> held) {
        ensureLiveItem(r.tenantId());
        boolean pruned = false;
        for (int attempt = 1; ; attempt++) {
            try {
                dynamo.client(r.tenantId()).transactWriteItems(t -> t.transactItems(reservation));
                return Optional.empty();
            } catch (TransactionCanceledException e) {
                Optional<LimitKind> refused = refusal(r.tenantId(), e.cancellationReasons(), limits, held);
                if (refused.isEmpty() && attempt >= ATTEMPTS) {
                    throw new UnavailableException("quota_busy", "too many concurrent requests; please retry");
                }
                if (refused.filter(k -> k == LimitKind.CONCURRENT_SESSIONS).isPresent() && !pruned) {
                    pruned = pruneIdleSessions(r.tenantId());
                    if (pruned) {
                        continue;
                    }
                }
                if (refused.isPresent()) {
                    return refused;
                }
                backOff(attempt);
            }
        }
    }

    @Override
    public void cancel(TenantId tenantId, SessionId sessionId, MessageId messageId) {
        giveBack(tenantId, messageId, hold -> withdrawal(tenantId, hold));
    }

    @Override
    public void release(TenantId tenantId, MessageId messageId) {
        giveBack(tenantId, messageId, hold -> HoldRelease.of(table, tenantId, hold));
    }

    /** Reads the hold and writes its release, again while the hold changes meanwhile; nothing when it holds nothing. */
    private void giveBack(TenantId tenantId, MessageId messageId,
            Function<Map<String, AttributeValue>, List<TransactWriteItem>> releaseOf) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Map<String, AttributeValue> hold = dynamo.client(tenantId).getItem(g -> g.tableName(table).consistentRead(true)
                    .key(QuotaKeys.key(tenantId, TenantsTable.hold(messageId)))).item();
            List<TransactWriteItem> release = hold == null || hold.isEmpty() ? List.of() : releaseOf.apply(hold);
            if (release.isEmpty()) {
                return;
            }
            try {
                dynamo.client(tenantId).transactWriteItems(t -> t.transactItems(release));
                if (hold.containsKey(Hold.SESSION_ID)) {
                    pruneIdleSession(tenantId, hold.get(Hold.SESSION_ID).s());
                }
                return;
            } catch (TransactionCanceledException e) {
                backOff(attempt); // the hold changed meanwhile, or a conflict: read it again
            }
        }
    }

    /** A message never handed to a worker does not count against the day and month either. */
    private List<TransactWriteItem> withdrawal(TenantId t, Map<String, AttributeValue> hold) {
        List<TransactWriteItem> items = new ArrayList<>(HoldRelease.of(table, t, hold));
        if (hold.containsKey(Hold.IN_FLIGHT)) {
            items.add(uncount(t, TenantsTable.day(QuotaKeys.required(hold, Hold.DAY).s())));
            items.add(uncount(t, TenantsTable.month(QuotaKeys.required(hold, Hold.MONTH).s())));
        }
        return items;
    }

    private TransactWriteItem uncount(TenantId t, String sk) {
        return TransactWriteItem.builder().update(u -> u.tableName(table).key(QuotaKeys.key(t, sk))
                .updateExpression("ADD n :minus").expressionAttributeValues(Map.of(":minus", QuotaKeys.n(-1)))).build();
    }

    @Override
    public QuotaUsage usage(TenantId tenantId, QuotaPeriods periods) {
        Map<String, AttributeValue> live = get(tenantId, TenantsTable.LIVE);
        Map<String, AttributeValue> tokens = get(tenantId, TenantsTable.tokens(periods.month()));
        long sessions = live.containsKey(Live.SESSIONS) ? live.get(Live.SESSIONS).m().values().stream()
                .filter(v -> Long.parseLong(v.n()) > 0).count() : 0;
        long reserved = num(tokens, Tokens.RESERVED);
        return new QuotaUsage(num(get(tenantId, TenantsTable.day(periods.day())), Counter.COUNT),
                num(get(tenantId, TenantsTable.month(periods.month())), Counter.COUNT), num(tokens, Tokens.COMMITTED) - reserved,
                reserved, num(live, Live.INFLIGHT), sessions);
    }

    @Override
    public long tokensCommitted(TenantId tenantId, QuotaPeriods periods) {
        return num(get(tenantId, TenantsTable.tokens(periods.month())), Tokens.COMMITTED);
    }

    private Optional<LimitKind> refusal(TenantId t, List<CancellationReason> reasons, PlanLimits limits,
            Supplier<RuntimeException> held) {
        for (int i = 0; i < reasons.size(); i++) {
            if (!CONDITION_FAILED.equals(reasons.get(i).code())) {
                continue;
            }
            if (i < BY_INDEX.size()) {
                return Optional.of(BY_INDEX.get(i));
            }
            if (i == QuotaWrites.LIVE) {
                Map<String, AttributeValue> live = reasons.get(i).hasItem() ? reasons.get(i).item() : get(t, TenantsTable.LIVE);
                return Optional.of(num(live, Live.INFLIGHT) >= limits.maxInFlight() ? LimitKind.IN_FLIGHT
                        : LimitKind.CONCURRENT_SESSIONS);
            }
            throw held.get();
        }
        return Optional.empty();
    }

    private void ensureLiveItem(TenantId t) {
        if (liveItems.contains(t)) {
            return;
        }
        dynamo.client(t).updateItem(u -> u.tableName(table).key(QuotaKeys.key(t, TenantsTable.LIVE))
                .updateExpression("SET sessions = if_not_exists(sessions, :empty), inflight = if_not_exists(inflight, :zero)")
                .expressionAttributeValues(Map.of(":empty", AttributeValue.fromM(Map.of()), ":zero", QuotaKeys.n(0))));
        liveItems.add(t);
    }

    /** Removes sessions with nothing in flight left in the live map (a release's clean-up may have been lost). */
    private boolean pruneIdleSessions(TenantId t) {
        Map<String, AttributeValue> live = get(t, TenantsTable.LIVE);
        if (!live.containsKey(Live.SESSIONS)) {
            return false;
        }
        return live.get(Live.SESSIONS).m().entrySet().stream()
                .filter(e -> Long.parseLong(e.getValue().n()) <= 0)
                .map(e -> pruneIdleSession(t, e.getKey()))
                .reduce(false, Boolean::logicalOr);
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

    private Map<String, AttributeValue> get(TenantId t, String sk) {
        Map<String, AttributeValue> item = dynamo.client(t).getItem(g -> g.tableName(table).key(QuotaKeys.key(t, sk))
                .consistentRead(true)).item();
        return item == null ? Map.of() : item;
    }

    private static long num(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? 0 : Long.parseLong(value.n());
    }

    private static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt + 10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("quota_busy", "interrupted; please retry");
        }
    }
}
