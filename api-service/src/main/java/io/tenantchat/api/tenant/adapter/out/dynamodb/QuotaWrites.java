package io.tenantchat.api.tenant.adapter.out.dynamodb;

import io.tenantchat.api.tenant.domain.PlanLimits;
import io.tenantchat.api.tenant.domain.QuotaPeriods;
import io.tenantchat.api.tenant.domain.Reservation;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.table.TenantsTable;
import io.tenantchat.shared.table.TenantsTable.Hold;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The conditional writes of a reservation, in this order (cancellation reasons follow it): request second, day,
 * month, tokens, live, hold. Conditions cannot add, so the token check compares the committed total with the room
 * left for this reservation ({@code budget - tokens}).
 */
final class QuotaWrites {

    static final int SECOND = 0;
    static final int DAY = 1;
    static final int MONTH = 2;
    static final int TOKENS = 3;
    static final int LIVE = 4;
    static final int HOLD = 5;
    private static final long HOLD_DAYS = 35;

    private final String table;

    QuotaWrites(String table) {
        this.table = table;
    }

    List<TransactWriteItem> reserve(Reservation r, PlanLimits l) {
        return reserve(r, l, hold(r, r.periods().epochSecond() + Duration.ofDays(HOLD_DAYS).toSeconds()));
    }

    /** As {@link #reserve}, taking the hold of a retried message again instead of creating it. */
    List<TransactWriteItem> reserveAgain(Reservation r, PlanLimits l) {
        return reserve(r, l, holdAgain(r, r.periods().epochSecond() + Duration.ofDays(HOLD_DAYS).toSeconds()));
    }

    private List<TransactWriteItem> reserve(Reservation r, PlanLimits l, TransactWriteItem hold) {
        QuotaPeriods p = r.periods();
        long now = p.epochSecond();
        TenantId t = r.tenantId();
        return List.of(
                count(t, TenantsTable.second(now), l.requestsPerSecond(), now + 120),
                count(t, TenantsTable.day(p.day()), l.messagesPerDay(), now + Duration.ofDays(3).toSeconds()),
                count(t, TenantsTable.month(p.month()), l.messagesPerMonth(), now + Duration.ofDays(400).toSeconds()),
                tokens(t, p.month(), r.tokens(), l.monthlyTokens() - r.tokens(), now + Duration.ofDays(400).toSeconds()),
                live(t, r.sessionId(), l),
                hold);
    }

    /**
     * The shared counter writes of {@code k} reservations of one tenant, one second and one plan, committed together
     * (group commit): each counter goes up by {@code k} (tokens by their sum) on condition it stays within its limit
     * ({@code n <= limit - k}); the live item takes {@code k} in-flight slots and counts each message on its session,
     * on condition that every session is already counted or there is room for all of them as new ones (never more
     * than the limit; at worst a batch is refused that single messages would pass). The caller guarantees
     * {@code k} and the token sum within every limit, and the sessions distinct. Order: second, day, month, tokens,
     * live; the holds are {@link #hold(Reservation)} each.
     */
    List<TransactWriteItem> shared(List<Reservation> rs, PlanLimits l) {
        Reservation first = rs.get(0);
        QuotaPeriods p = first.periods();
        long now = p.epochSecond();
        TenantId t = first.tenantId();
        long k = rs.size();
        long tokens = rs.stream().mapToLong(Reservation::tokens).sum();
        return List.of(
                countBy(t, TenantsTable.second(now), k, l.requestsPerSecond(), now + 120),
                countBy(t, TenantsTable.day(p.day()), k, l.messagesPerDay(), now + Duration.ofDays(3).toSeconds()),
                countBy(t, TenantsTable.month(p.month()), k, l.messagesPerMonth(), now + Duration.ofDays(400).toSeconds()),
                tokens(t, p.month(), tokens, l.monthlyTokens() - tokens, now + Duration.ofDays(400).toSeconds()),
                liveOf(t, rs.stream().map(Reservation::sessionId).toList(), l));
    }

    TransactWriteItem hold(Reservation r) {
        return hold(r, r.periods().epochSecond() + Duration.ofDays(HOLD_DAYS).toSeconds());
    }

    private TransactWriteItem countBy(TenantId t, String sk, long k, long limit, long expiresAt) {
        return update(Update.builder().tableName(table).key(QuotaKeys.key(t, sk))
                .updateExpression("ADD n :k SET expires_at = :exp")
                .conditionExpression("attribute_not_exists(n) OR n <= :room")
                .expressionAttributeValues(Map.of(":k", QuotaKeys.n(k), ":room", QuotaKeys.n(limit - k),
                        ":exp", QuotaKeys.n(expiresAt))).build());
    }

    private TransactWriteItem liveOf(TenantId t, List<SessionId> sessions, PlanLimits l) {
        Map<String, String> names = new HashMap<>();
        StringBuilder set = new StringBuilder();
        StringBuilder allCounted = new StringBuilder();
        for (int i = 0; i < sessions.size(); i++) {
            String name = "#s" + i;
            names.put(name, sessions.get(i).value());
            set.append(i == 0 ? "" : ", ").append("sessions.").append(name).append(" = if_not_exists(sessions.")
                    .append(name).append(", :zero) + :one");
            allCounted.append(i == 0 ? "" : " AND ").append("attribute_exists(sessions.").append(name).append(")");
        }
        return update(Update.builder().tableName(table).key(QuotaKeys.key(t, TenantsTable.LIVE))
                .updateExpression("ADD inflight :k SET " + set)
                .conditionExpression("(attribute_not_exists(inflight) OR inflight <= :inflight) "
                        + "AND ((" + allCounted + ") OR size(sessions) <= :sessions)")
                .expressionAttributeNames(names)
                .expressionAttributeValues(Map.of(":k", QuotaKeys.n(sessions.size()), ":one", QuotaKeys.n(1),
                        ":zero", QuotaKeys.n(0), ":inflight", QuotaKeys.n(l.maxInFlight() - sessions.size()),
                        ":sessions", QuotaKeys.n(l.concurrentSessions() - sessions.size()))).build());
    }

    private TransactWriteItem count(TenantId t, String sk, long limit, long expiresAt) {
        return update(Update.builder().tableName(table).key(QuotaKeys.key(t, sk))
                .updateExpression("ADD n :one SET expires_at = :exp")
                .conditionExpression("attribute_not_exists(n) OR n < :limit")
                .expressionAttributeValues(Map.of(":one", QuotaKeys.n(1), ":limit", QuotaKeys.n(limit),
                        ":exp", QuotaKeys.n(expiresAt))).build());
    }

    private TransactWriteItem tokens(TenantId t, String month, long tokens, long room, long expiresAt) {
        return update(Update.builder().tableName(table).key(QuotaKeys.key(t, TenantsTable.tokens(month)))
                .updateExpression("ADD committed :t, reserved :t SET expires_at = :exp")
                .conditionExpression("attribute_not_exists(committed) OR committed <= :room")
                .expressionAttributeValues(Map.of(":t", QuotaKeys.n(tokens), ":room", QuotaKeys.n(room),
                        ":exp", QuotaKeys.n(expiresAt))).build());
    }

    private TransactWriteItem live(TenantId t, SessionId session, PlanLimits l) {
        return update(Update.builder().tableName(table).key(QuotaKeys.key(t, TenantsTable.LIVE))
                .updateExpression("ADD inflight :one SET sessions.#sid = if_not_exists(sessions.#sid, :zero) + :one")
                .conditionExpression("(attribute_not_exists(inflight) OR inflight < :inflight) "
                        + "AND (attribute_exists(sessions.#sid) OR size(sessions) < :sessions)")
                .expressionAttributeNames(Map.of("#sid", session.value()))
                .expressionAttributeValues(Map.of(":one", QuotaKeys.n(1), ":zero", QuotaKeys.n(0),
                        ":inflight", QuotaKeys.n(l.maxInFlight()), ":sessions", QuotaKeys.n(l.concurrentSessions())))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build());
    }

    private TransactWriteItem hold(Reservation r, long expiresAt) {
        Map<String, AttributeValue> item = new HashMap<>(QuotaKeys.key(r.tenantId(), TenantsTable.hold(r.messageId())));
        item.put(Hold.SESSION_ID, QuotaKeys.s(r.sessionId().value()));
        item.put(Hold.MONTH, QuotaKeys.s(r.periods().month()));
        item.put(Hold.DAY, QuotaKeys.s(r.periods().day()));
        item.put(Hold.IN_FLIGHT, QuotaKeys.n(1));
        item.put(Hold.RESERVED, QuotaKeys.n(r.tokens()));
        item.put(Hold.HELD_AT, QuotaKeys.n(r.periods().epochSecond()));
        item.put(TenantsTable.EXPIRES_AT, QuotaKeys.n(expiresAt));
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(sk)").build()).build();
    }

    /** The hold of a retried message, taken again on condition it holds nothing now (or has expired away). */
    private TransactWriteItem holdAgain(Reservation r, long expiresAt) {
        return update(Update.builder().tableName(table).key(QuotaKeys.key(r.tenantId(), TenantsTable.hold(r.messageId())))
                .updateExpression("SET session_id = :sid, #month = :month, #day = :day, in_flight = :one, "
                        + "reserved = :t, held_at = :now, expires_at = :exp")
                .conditionExpression("attribute_not_exists(in_flight) AND attribute_not_exists(reserved)")
                .expressionAttributeNames(Map.of("#month", "month", "#day", "day"))
                .expressionAttributeValues(Map.of(":sid", QuotaKeys.s(r.sessionId().value()),
                        ":month", QuotaKeys.s(r.periods().month()), ":day", QuotaKeys.s(r.periods().day()),
                        ":one", QuotaKeys.n(1), ":t", QuotaKeys.n(r.tokens()),
                        ":now", QuotaKeys.n(r.periods().epochSecond()), ":exp", QuotaKeys.n(expiresAt))).build());
    }

    private static TransactWriteItem update(Update update) {
        return TransactWriteItem.builder().update(update).build();
    }
}
