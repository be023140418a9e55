package io.tenantchat.worker.reply.application;

import io.tenantchat.shared.ChatRequested;
import io.tenantchat.worker.reply.domain.ChatModelException;

/** In-port: answer the user message a {@link ChatRequested} job points at. Idempotent per message. */
public interface GenerateReplyUseCase {

    /**
     * Generates and stores the reply, or records why there can be none.
     *
     * @return what happened; every outcome means the job is done and may be acknowledged
     * @throws ChatModelException a retryable model failure with attempts left: leave the job for redelivery
     */
    ReplyOutcome generateReply(ChatRequested job);
}
