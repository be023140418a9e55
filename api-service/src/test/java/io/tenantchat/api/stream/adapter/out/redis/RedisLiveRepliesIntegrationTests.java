package io.tenantchat.api.stream.adapter.out.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.RedisClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tenantchat.localstack.redis.RedisServer;
import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.stream.ReplyDelta;
import io.tenantchat.shared.stream.StreamChannels;
import io.tenantchat.shared.stream.StreamEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import tools.jackson.databind.json.JsonMapper;

/** Against a real redis-server: each event from Redis is timed until the local listeners have it. */
class RedisLiveRepliesIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RedisServer redis;
    private LettuceConnectionFactory connections;
    private RedisLiveReplies live;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @BeforeEach
    void start() {
        redis = RedisServer.start();
        connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration(redis.host(), redis.port()));
        connections.afterPropertiesSet();
        connections.start();
        live = new RedisLiveReplies(connections, JSON,
                new StaticListableBeanFactory(Map.of("registry", registry)).getBeanProvider(MeterRegistry.class));
    }

    @AfterEach
    void stop() {
        live.destroy();
        connections.destroy();
        redis.close();
    }

    @Test
    void timesEachEventFromRedisUntilTheLocalListenersHaveIt() {
        TenantId tenant = TenantId.of("tenant-relay");
        SessionId session = SessionId.of(java.util.UUID.randomUUID().toString());
        List<StreamEvent> received = new CopyOnWriteArrayList<>();
        live.subscribe(tenant, session, received::add);
        ReplyDelta delta = new ReplyDelta(tenant, session, MessageId.next(Clock.systemUTC()), 1, 1, "Hi");

        RedisClient client = RedisClient.create(redis.uri().toString());
        try (var publisher = client.connect()) {
            publisher.sync().publish(StreamChannels.channel(tenant, session), JSON.writeValueAsString(delta));
            publisher.sync().publish(StreamChannels.channel(tenant, session), JSON.writeValueAsString(delta));
        } finally {
            client.shutdown();
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 2);
        assertThat(received).containsOnly(delta);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> registry.get("tenantchat.stream.relay").timer().count() == 2);
    }
}
