package io.tenantchat.worker.reply.adapter.in.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.stream.StreamChannels;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.StringRedisTemplate;

/** api-service's plan and profile announcements over a real redis-server make the worker forget that tenant. */
class RedisPlanChangesIntegrationTests {

    private static ListeningRedis redis;
    private static StringRedisTemplate template;
    private static final List<TenantId> heard = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startRedis() {
        redis = ListeningRedis.start();
        template = redis.template;
        new RedisPlanChanges(redis.listeners, heard::add);
    }

    @AfterAll
    static void stopRedis() throws Exception {
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
