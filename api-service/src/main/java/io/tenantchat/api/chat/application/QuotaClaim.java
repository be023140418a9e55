package io.tenantchat.api.chat.application;

import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.table.TenantsTable;
import java.time.Instant;
import java.util.Objects;

/**
 * What admitting one message takes from its tenant's quotas, decided before any write (from the plan this instance
 * holds): one request of the second {@code at}, one message of the day and month, {@code tokens} of the month's
 * budget, one in-flight slot (counted in the tenant's counter item {@code counterKey}) in {@code sessionId}. The
 * {@link MessageIntake} writes it together with the message, all or nothing, against the limits carried here.
 */
public record QuotaClaim(TenantId tenantId, SessionId sessionId, MessageId messageId, long tokens, Instant at,
        Limits limits, String counterKey) {

    /** The counter item of a tenant whose in-flight counters are not split. */
    public static final String LIVE = TenantsTable.LIVE;

    public QuotaClaim {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(limits, "limits");
        if (tokens < 1) {
            throw new IllegalArgumentException("tokens must be positive");
        }
        counterKey = counterKey == null || counterKey.isBlank() ? LIVE : counterKey;
    }

    /** The plan's limits the claim is checked against (each positive). */
    public record Limits(int requestsPerSecond, int messagesPerDay, int messagesPerMonth, long monthlyTokens,
            int maxInFlight, int concurrentSessions) {
    }
}
