package io.tenantchat.shared.stream;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;

/**
 * api-service to the workers, on {@link StreamChannels#CANCELLATIONS}: the author of a message that is being
 * generated asked to stop it (its stored message already says so). The worker holding the message closes the model
 * stream; every other worker ignores it. Not a client frame.
 */
public record CancelRequested(
        @JsonProperty("tenant_id") TenantId tenantId,
        @JsonProperty("session_id") SessionId sessionId,
        @JsonProperty("message_id") MessageId messageId) {

    public CancelRequested {
        StreamChecks.requireIds(tenantId, sessionId, messageId);
    }
}
