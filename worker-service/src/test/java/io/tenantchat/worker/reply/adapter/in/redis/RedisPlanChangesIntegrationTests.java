package io.tenantchat.worker.reply.adapter.in.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tenantchat.localstack.redis.RedisServer;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.stream.StreamChannels;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/** api-service's plan and profile announcements over a real redis-server make the worker forget that tenant. */
class RedisPlanChangesIntegrationTests {

    private static RedisServer redis;
    private static LettuceConnectionFactory connections;
    private static StringRedisTemplate template;
    private static final List<TenantId> heard = new CopyOnWriteArrayList<>();
    private static RedisPlanChanges listener;

    @BeforeAll
    static void startRedis() {
        redis = RedisServer.start();
        connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration(redis.host(), redis.port()));
        connections.afterPropertiesSet();
        connections.start();
        template = new StringRedisTemplate(connections);
        listener = new RedisPlanChanges(connections, heard::add);
    }

    @AfterAll
    static void stopRedis() throws Exception {
        listener.destroy();
        connections.destroy();
        redis.close();
    }

    @Test
    void anAnnouncedChangeMakesTheWorkerForgetThatTenant() {
        TenantId tenant = TenantId.of("tenant-042");

        await().atMost(Duration.ofSeconds(5)).until(() -> {
            template.convertAndSend(StreamChannels.PLAN_CHANGES, tenant.value());
            return heard.contains(tenant);
        });
    }

    @Test
    void aMalformedTenantIdIsIgnored() {
        TenantId marker = TenantId.of("tenant-043");
        template.convertAndSend(StreamChannels.PLAN_CHANGES, "not a tenant id!");
        // a change announced after it, on the same channel, shows it was heard
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            template.convertAndSend(StreamChannels.PLAN_CHANGES, marker.value());
            return heard.contains(marker);
        });

        assertThat(heard).allMatch(tenant -> tenant.value().startsWith("tenant-04"));
    }
}
