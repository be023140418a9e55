package io.tenantchat.api.chat.application;

import io.tenantchat.api.identity.Caller;
import io.tenantchat.shared.MessageId;

/** In-port: the author of a message stops its reply ({@code POST /api/chat/{message_id}/cancel}). */
public interface CancelChatMessageUseCase {

    /**
     * @return the message's state after the request: {@code cancelled}, or {@code processing} while the worker
     *     holding it stops it
     * @throws io.tenantchat.api.error.NotFoundException when the message is not the caller's
     * @throws io.tenantchat.api.error.ConflictException {@code message_finished} when it completed or failed already
     */
    MessageAccepted cancel(Caller caller, MessageId messageId);
}
