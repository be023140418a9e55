package io.tenantchat.api.stream.application;

import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.stream.StreamEvent;
import java.util.function.Consumer;

/** Out-port: the worker's live reply events of one session (Redis pub/sub, or none in a single-node setup). */
public interface LiveReplies {

    /**
     * Delivers every event published for the session from now on to {@code listener}, in publication order.
     * Returns only once the subscription is active, so a read made afterwards cannot miss an event.
     */
    Subscription subscribe(TenantId tenantId, SessionId sessionId, Consumer<StreamEvent> listener);
}
