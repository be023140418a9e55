package io.tenantchat.api.stream.adapter.out.redis;

import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.tenantchat.api.stream.application.LiveReplies;
import io.tenantchat.api.stream.application.Subscription;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.stream.StreamChannels;
import io.tenantchat.shared.stream.ReplySettled;
import io.tenantchat.shared.stream.StreamEvent;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.tenantchat.api.stream.config.StreamProperties;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link LiveReplies} on Redis pub/sub: one subscriber connection per instance, one channel per session with at
 * least one local listener ({@code SUBSCRIBE} is confirmed by Redis before {@link #subscribe} returns; the last
 * listener's close unsubscribes). Lettuce reconnects and resubscribes by itself; the channels that were subscribed
 * when the connection dropped tell their listeners {@link Listener#changed} once each, when Redis confirms the
 * resubscription, since events published in between are lost. Listeners are called on Lettuce's I/O thread and
 * must not block it.
 */
@Component
@ConditionalOnProperty(name = "tenantchat.stream.redis.enabled", havingValue = "true")
class RedisLiveReplies implements LiveReplies, InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RedisLiveReplies.class);

    private final LettuceConnectionFactory connections;
    private final JsonMapper json;
    private final int apiInstances;
    private final Map<String, Set<Listener>> listeners = new ConcurrentHashMap<>();
    /** Channels subscribed when the connection dropped, until Redis confirms them again. */
    private final Set<String> interrupted = ConcurrentHashMap.newKeySet();
    private final Timer relay;
    private final Counter resyncs;
    private final Counter settledRereads;
    private @Nullable StatefulRedisPubSubConnection<String, String> connection;
    private @Nullable RedisClient client;
    private @Nullable RedisConnectionStateListener drops;

    /**
     * {@code tenantchat.stream.relay}: an event received from Redis until every local socket has it;
     * {@code tenantchat.stream.resyncs}: channels told to re-read after a reconnect;
     * {@code tenantchat.stream.settled_rereads}: channels told to re-read by a worker that found a message finished.
     */
    RedisLiveReplies(LettuceConnectionFactory connections, JsonMapper json, ObjectProvider<MeterRegistry> registry,
            StreamProperties stream) {
        this.connections = connections;
        this.json = json;
        this.apiInstances = stream.apiInstances();
        MeterRegistry meters = registry.getIfAvailable(() -> Metrics.globalRegistry);
        this.relay = Timer.builder("tenantchat.stream.relay")
                .description("time from a reply event arriving from Redis to its hand-over to the local sockets")
                .publishPercentileHistogram().register(meters);
        this.resyncs = Counter.builder("tenantchat.stream.resyncs")
                .description("session channels re-read once after the Redis subscriber connection came back")
                .register(meters);
        this.settledRereads = Counter.builder("tenantchat.stream.settled_rereads")
                .description("session channels re-read because a job came again for a finished message")
                .register(meters);
    }

    @Override
    public synchronized Subscription subscribe(TenantId tenantId, SessionId sessionId, Listener listener) {
        String channel = StreamChannels.channel(tenantId, sessionId);
        Set<Listener> local = listeners.computeIfAbsent(channel, c -> new CopyOnWriteArraySet<>());
        if (local.isEmpty()) {
            connection().sync().subscribe(channel);
        }
        local.add(listener);
        return () -> unsubscribe(channel, listener);
    }

    @Override
    public boolean carriesWorkerEvents() {
        return true;
    }

    /**
     * With several api instances Redis carries every reply event between them: it must answer at startup, or the
     * instance does not start.
     */
    @Override
    public void afterPropertiesSet() {
        if (apiInstances > 1) {
            try {
                connect();
            } catch (RuntimeException e) {
                throw new IllegalStateException("tenantchat.stream.api-instances=" + apiInstances + " needs Redis "
                        + "for reply events between instances, and Redis (spring.data.redis.*) does not answer: "
                        + e.getMessage(), e);
            }
        }
    }

    /** Opens the subscriber connection now (Redis must answer), rather than at the first subscription. */
    synchronized void connect() {
        connection().sync().ping();
    }

    private synchronized void unsubscribe(String channel, Listener listener) {
        Set<Listener> local = listeners.get(channel);
        if (local != null && local.remove(listener) && local.isEmpty()) {
            listeners.remove(channel);
            interrupted.remove(channel);
            connection().async().unsubscribe(channel);
        }
    }

    private StatefulRedisPubSubConnection<String, String> connection() {
        StatefulRedisPubSubConnection<String, String> current = connection;
        if (current == null) {
            RedisClient redis = (RedisClient) connections.getRequiredNativeClient();
            client = redis;
            StatefulRedisPubSubConnection<String, String> opened = redis.connectPubSub();
            opened.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String channel, String body) {
                    dispatch(channel, body);
                }

                @Override
                public void subscribed(String channel, long count) {
                    if (interrupted.remove(channel)) {
                        resync(channel);
                    }
                }
            });
            RedisConnectionStateListener dropListener = new RedisConnectionStateListener() {
                @Override
                public void onRedisDisconnected(RedisChannelHandler<?, ?> dropped) {
                    if (dropped == opened) {
                        interrupted.addAll(listeners.keySet());
                        log.warn("The Redis subscriber connection dropped; {} session channels re-read once it is "
                                + "back", listeners.size());
                    }
                }
            };
            redis.addListener(dropListener);
            drops = dropListener;
            connection = opened;
            current = opened;
        }
        return current;
    }

    private void resync(String channel) {
        Set<Listener> local = listeners.getOrDefault(channel, Set.of());
        resyncs.increment();
        local.forEach(Listener::changed);
    }

    private void dispatch(String channel, String body) {
        long received = System.nanoTime();
        relayOne(channel, body);
        relay.record(System.nanoTime() - received, TimeUnit.NANOSECONDS);
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
        Set<Listener> local = listeners.getOrDefault(channel, Set.of());
        if (event instanceof ReplySettled) {
            // a finished message's outcome may not have been published: one re-read of the session says
            settledRereads.increment();
            local.forEach(Listener::changed);
            return;
        }
        local.forEach(listener -> listener.event(event));
    }

    @Override
    public synchronized void destroy() {
        StatefulRedisPubSubConnection<String, String> current = connection;
        if (current != null) {
            RedisClient redis = client;
            RedisConnectionStateListener dropListener = drops;
            if (redis != null && dropListener != null) {
                redis.removeListener(dropListener);
            }
            current.close();
        }
    }
}
