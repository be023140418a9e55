package io.tenantchat.api.operations.domain;

import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Whose a dead letter is: the tenant always; session and message for a chat job and a usage event; the event id
 * for a usage event.
 */
public record DeadLetterKey(TenantId tenantId, @Nullable SessionId sessionId, @Nullable MessageId messageId,
        @Nullable String eventId) {

    public DeadLetterKey {
        Objects.requireNonNull(tenantId, "tenantId");
    }
}
