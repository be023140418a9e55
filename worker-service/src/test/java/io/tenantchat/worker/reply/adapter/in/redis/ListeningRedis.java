package io.tenantchat.worker.reply.adapter.in.redis;

import io.tenantchat.localstack.redis.RedisServer;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/** A real redis-server, the started listener container the worker's channel adapters join, and a publisher. */
final class ListeningRedis implements AutoCloseable {

    private final RedisServer redis;
    private final LettuceConnectionFactory connections;
    final RedisMessageListenerContainer listeners;
    final StringRedisTemplate template;

    private ListeningRedis() {
        redis = RedisServer.start();
        connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration(redis.host(), redis.port()));
        connections.afterPropertiesSet();
        connections.start();
        template = new StringRedisTemplate(connections);
        listeners = new RedisMessageListenerContainer();
        listeners.setConnectionFactory(connections);
        listeners.afterPropertiesSet();
        listeners.start();
    }

    static ListeningRedis start() {
        return new ListeningRedis();
    }

    @Override
    public void close() throws Exception {
        listeners.stop();
        listeners.destroy();
        connections.destroy();
        redis.close();
    }
}
