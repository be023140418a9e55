package io.tenantchat.api.chat.application;

import io.tenantchat.api.identity.Caller;
import io.tenantchat.shared.MessageId;

/** Puts the caller's own failed message back in the queue for another reply attempt. */
public interface RetryChatMessageUseCase {

    /**
     * @throws io.tenantchat.api.error.NotFoundException if the message is not the caller's
     * @throws io.tenantchat.api.error.ConflictException if the message has not failed
     */
    MessageAccepted retry(Caller caller, MessageId messageId);
}
