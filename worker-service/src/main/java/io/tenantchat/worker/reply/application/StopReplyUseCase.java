package io.tenantchat.worker.reply.application;

import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.TenantId;

/** In-port: the author of a message asked to stop its reply (api-service stored the request first). */
public interface StopReplyUseCase {

    /**
     * Stops the model call of the message if this worker is running it; does nothing otherwise (another worker
     * holds it, or none: then its next claim or completion finds the stored request).
     *
     * @return whether this worker was running it
     */
    boolean stop(TenantId tenantId, MessageId messageId);
}
