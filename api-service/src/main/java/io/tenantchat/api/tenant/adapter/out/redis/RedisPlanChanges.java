package io.tenantchat.api.tenant.adapter.out.redis;

import io.tenantchat.api.tenant.application.PlanChanges;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.stream.StreamChannels;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/**
 * Plan changes over Redis pub/sub ({@value #CHANNEL}, the tenant id as message): every api instance, this one
 * included, hears each change and drops its cached plan (and every worker its cached settings of the tenant). A change published while an instance is cut off from
 * Redis is not heard there: its cached plan then lives out its time to live (bounded staleness).
 */
public final class RedisPlanChanges implements PlanChanges, AutoCloseable {

    static final String CHANNEL = StreamChannels.PLAN_CHANGES;
    private static final Logger log = LoggerFactory.getLogger(RedisPlanChanges.class);

    private final StringRedisTemplate redis;
    private final RedisMessageListenerContainer container;
    private final List<Consumer<TenantId>> listeners = new CopyOnWriteArrayList<>();

    public RedisPlanChanges(RedisConnectionFactory connections) {
        this.redis = new StringRedisTemplate(connections);
        this.container = new RedisMessageListenerContainer();
        container.setConnectionFactory(connections);
        container.addMessageListener((message, pattern) -> heard(new String(message.getBody(), StandardCharsets.UTF_8)),
                new ChannelTopic(CHANNEL));
        container.afterPropertiesSet();
        container.start();
    }

    @Override
    public void publish(TenantId tenantId) {
        listeners.forEach(listener -> listener.accept(tenantId));
        try {
            redis.convertAndSend(CHANNEL, tenantId.value());
        } catch (RuntimeException e) {
            log.warn("plan change of tenant {} not announced to other instances: {}", tenantId.value(), e.toString());
        }
    }

    @Override
    public void subscribe(Consumer<TenantId> listener) {
        listeners.add(listener);
    }

    private void heard(String tenant) {
        if (TenantId.isValid(tenant)) {
            TenantId tenantId = TenantId.of(tenant);
            listeners.forEach(listener -> listener.accept(tenantId));
        }
    }

    @Override
    public void close() throws Exception {
        container.stop();
        container.destroy();
    }
}
