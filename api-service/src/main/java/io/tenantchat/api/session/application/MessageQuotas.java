package io.tenantchat.api.session.application;

import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.TenantId;

/** Out-port: the quota holds of a tenant's messages (in-flight slot, token reservation). */
public interface MessageQuotas {

    /** Gives back what the message's hold still holds, once; idempotent. */
    void release(TenantId tenantId, MessageId messageId);
}
