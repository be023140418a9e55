package io.tenantchat.shared.stream;

import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;

/** Names on the stream bus (Redis): one pub/sub channel per tenant and session, one snapshot key per reply. */
public final class StreamChannels {

    /** Where api-service asks the workers to stop a reply ({@link CancelRequested}); every worker listens. */
    public static final String CANCELLATIONS = "tenantchat:cancellations";

    /**
     * Where api-service announces that a tenant's plan or profile was saved (the tenant id as message): every api
     * instance drops its cached plan, every worker its cached settings of that tenant.
     */
    public static final String PLAN_CHANGES = "tenantchat:plan-changes";

    private StreamChannels() {}

    /** {@code tenantchat:stream:{tenant_id}:{session_id}} */
    public static String channel(TenantId tenantId, SessionId sessionId) {
        return "tenantchat:stream:" + tenantId.value() + ":" + sessionId.value();
    }

    /** {@code tenantchat:partial:{tenant_id}:{session_id}:{message_id}}: the {@link ReplySnapshot} of a reply. */
    public static String snapshotKey(TenantId tenantId, SessionId sessionId, MessageId messageId) {
        return "tenantchat:partial:" + tenantId.value() + ":" + sessionId.value() + ":" + messageId.value();
    }
}
