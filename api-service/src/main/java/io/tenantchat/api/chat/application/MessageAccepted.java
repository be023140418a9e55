package io.tenantchat.api.chat.application;

import io.tenantchat.api.chat.domain.MessageStatus;
import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import org.jspecify.annotations.Nullable;

/**
 * The answer to an accepted message: where to poll for the reply.
 *
 * @param quotaWarning a monthly limit is nearly reached (for a response header), or null
 */
public record MessageAccepted(MessageId messageId, SessionId sessionId, MessageStatus status,
        @Nullable String quotaWarning) {

    public MessageAccepted(MessageId messageId, SessionId sessionId, MessageStatus status) {
        this(messageId, sessionId, status, null);
    }
}
