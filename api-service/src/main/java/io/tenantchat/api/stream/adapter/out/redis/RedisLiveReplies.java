package io.tenantchat.api.stream.adapter.out.redis;

import io.lettuce.core.RedisClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.tenantchat.api.stream.application.LiveReplies;
import io.tenantchat.api.stream.application.Subscription;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.stream.StreamChannels;
import io.tenantchat.shared.stream.StreamEvent;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link LiveReplies} on Redis pub/sub: one subscriber connection per instance, one channel per session with at
 * least one local listener ({@code SUBSCRIBE} is confirmed by Redis before {@link #subscribe} returns; the last
 * listener's close unsubscribes). Lettuce resubscribes by itself after a reconnect.
 */
@Component
@ConditionalOnProperty(name = "tenantchat.stream.redis.enabled", havingValue = "true")
class RedisLiveReplies implements LiveReplies, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RedisLiveReplies.class);

    private final LettuceConnectionFactory connections;
    private final JsonMapper json;
    private final Map<String, Set<Consumer<StreamEvent>>> listeners = new ConcurrentHashMap<>();
    private final Timer relay;
    private StatefulRedisPubSubConnection<String, String> connection;

    /** {@code tenantchat.stream.relay}: an event received from Redis until every local socket has it. */
    RedisLiveReplies(LettuceConnectionFactory connections, JsonMapper json, ObjectProvider<MeterRegistry> registry) {
        this.connections = connections;
        this.json = json;
        this.relay = Timer.builder("tenantchat.stream.relay")
                .description("time from a reply event arriving from Redis to its hand-over to the local sockets")
                .publishPercentileHistogram().register(registry.getIfAvailable(() -> Metrics.globalRegistry));
    }

    @Override
    public synchronized Subscription subscribe(TenantId tenantId, SessionId sessionId,
            Consumer<StreamEvent> listener) {
        String channel = StreamChannels.channel(tenantId, sessionId);
        Set<Consumer<StreamEvent>> local = listeners.computeIfAbsent(channel, c -> new CopyOnWriteArraySet<>());
        if (local.isEmpty()) {
            connection().sync().subscribe(channel);
        }
        local.add(listener);
        return () -> unsubscribe(channel, listener);
    }

    private synchronized void unsubscribe(String channel, Consumer<StreamEvent> listener) {
        Set<Consumer<StreamEvent>> local = listeners.get(channel);
        if (local != null && local.remove(listener) && local.isEmpty()) {
            listeners.remove(channel);
            connection().async().unsubscribe(channel);
        }
    }

    private StatefulRedisPubSubConnection<String, String> connection() {
        if (connection == null) {
            connection = ((RedisClient) connections.getRequiredNativeClient()).connectPubSub();
            connection.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String channel, String body) {
                    dispatch(channel, body);
                }
            });
        }
        return connection;
    }

    private void dispatch(String channel, String body) {
        long received = System.nanoTime();
        relayOne(channel, body);
        relay.record(System.nanoTime() - received, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    private void relayOne(String channel, String body) {
        StreamEvent event;
        try {
            event = json.readValue(body, StreamEvent.class);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            log.warn("Ignoring a malformed event on {}: {}", channel, e.getMessage());
            return;
        }
        if (!channel.equals(StreamChannels.channel(event.tenantId(), event.sessionId()))) {
            log.warn("Ignoring an event of another session published on {}", channel);
            return;
        }
        listeners.getOrDefault(channel, Set.of()).forEach(listener -> listener.accept(event));
    }

    @Override
    public synchronized void destroy() {
        if (connection != null) {
            connection.close();
        }
    }
}
