package io.tenantchat.api.tenant.domain;

import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import java.time.Instant;
import java.util.Objects;

/**
 * What admitting one message takes: one request, one message of the day and month, one in-flight slot in its
 * session, and {@code tokens} of the monthly budget until the real usage is known.
 */
public record Reservation(TenantId tenantId, SessionId sessionId, MessageId messageId, long tokens, Instant at) {

    public Reservation {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(at, "at");
        if (tokens < 1) {
            throw new IllegalArgumentException("tokens must be positive");
        }
    }

    public QuotaPeriods periods() {
        return new QuotaPeriods(at);
    }
}
