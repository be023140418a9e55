package io.tenantchat.api.chat.application;

import io.tenantchat.api.chat.domain.IdempotencyKey;
import io.tenantchat.api.identity.Caller;
import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import org.jspecify.annotations.Nullable;

/**
 * Regenerate, edit and switch branches of the caller's own conversations (docs/adr/006-conversation-branches.md).
 * A new turn is admitted, metered and queued exactly as {@code POST /api/chat}; anyone else's ids are not found.
 */
public interface BranchConversationUseCase {

    /**
     * A new turn with the same text and parent as {@code original} (which must be finished), its sibling; it
     * becomes active.
     *
     * @throws io.tenantchat.api.error.ConflictException {@code message_not_finished} while {@code original} is
     *     queued or processing
     */
    MessageAccepted regenerate(Caller caller, MessageId original, @Nullable IdempotencyKey key);

    /** A new turn with new {@code text} and the same parent as {@code sibling}; it becomes active. */
    MessageAccepted edit(Caller caller, MessageId sibling, String text, @Nullable IdempotencyKey key);

    /** Makes {@code turn} (and the path to it) active; answers the first page of the new active path. */
    ConversationPage activate(Caller caller, SessionId sessionId, MessageId turn);
}
