package io.tenantchat.api.stream.adapter.out.local;

import io.tenantchat.api.stream.application.LiveReplies;
import io.tenantchat.api.stream.application.Subscription;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.stream.ReplySettled;
import io.tenantchat.shared.stream.StreamEvent;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@link LiveReplies} within this instance: events published here reach the local subscribers of their session,
 * and a message accepted here tells them to read the session once ({@link AcceptedMessageSignals}). The worker's
 * events do not come here (there is no Redis), so subscribers re-read a session while one of its replies is
 * pending; an idle session is never read.
 */
@Component
@ConditionalOnProperty(name = "tenantchat.stream.redis.enabled", havingValue = "false", matchIfMissing = true)
class InProcessLiveReplies implements LiveReplies {

    private record Key(TenantId tenantId, SessionId sessionId) {}

    private final Map<Key, Set<Listener>> listeners = new ConcurrentHashMap<>();

    @Override
    public Subscription subscribe(TenantId tenantId, SessionId sessionId, Listener listener) {
        Key key = new Key(tenantId, sessionId);
        listeners.compute(key, (k, local) -> {
            Set<Listener> set = local == null ? new CopyOnWriteArraySet<>() : local;
            set.add(listener);
            return set;
        });
        return () -> listeners.computeIfPresent(key, (k, local) -> {
            local.remove(listener);
            return local.isEmpty() ? null : local;
        });
    }

    @Override
    public boolean carriesWorkerEvents() {
        return false;
    }

    /** Hands {@code event} to the local subscribers of its session. */
    void publish(StreamEvent event) {
        Set<Listener> local = listeners.getOrDefault(new Key(event.tenantId(), event.sessionId()), Set.of());
        if (event instanceof ReplySettled) {
            local.forEach(Listener::changed);
            return;
        }
        local.forEach(listener -> listener.event(event));
    }

    /** Tells the local subscribers of the session that its stored messages changed. */
    void changed(TenantId tenantId, SessionId sessionId) {
        listeners.getOrDefault(new Key(tenantId, sessionId), Set.of()).forEach(Listener::changed);
    }
}
