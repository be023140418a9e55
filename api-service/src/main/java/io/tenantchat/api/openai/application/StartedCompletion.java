package io.tenantchat.api.openai.application;

import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import org.jspecify.annotations.Nullable;

/**
 * An accepted completion: its api session and message, whose reply events answer it.
 *
 * @param quotaWarning a monthly limit is nearly reached (for a response header), or null
 */
public record StartedCompletion(SessionId sessionId, MessageId messageId, @Nullable String quotaWarning) {
}
