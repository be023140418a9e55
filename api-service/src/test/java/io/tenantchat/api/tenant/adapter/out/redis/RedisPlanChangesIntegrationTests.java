package io.tenantchat.api.tenant.adapter.out.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tenantchat.api.support.InMemoryTenantDirectory;
import io.tenantchat.api.support.Tiers;
import io.tenantchat.api.tenant.application.TenantPlans;
import io.tenantchat.api.tenant.domain.PlanLimits;
import io.tenantchat.api.tenant.domain.TenantPlan;
import io.tenantchat.localstack.redis.RedisServer;
import io.tenantchat.shared.TenantId;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Two api instances (each its own Redis connections, plan cache and subscription) against a real redis-server:
 * a plan saved through one is dropped from the other's cache at once, although its time to live has long to run.
 */
class RedisPlanChangesIntegrationTests {

    private static final TenantId ACME = TenantId.of("acme");

    private RedisServer redis;
    private LettuceConnectionFactory oneConnections;
    private LettuceConnectionFactory twoConnections;
    private RedisPlanChanges oneChanges;
    private RedisPlanChanges twoChanges;
    private final InMemoryTenantDirectory directory = new InMemoryTenantDirectory();

    @BeforeEach
    void start() {
        redis = RedisServer.start();
        oneConnections = connections();
        twoConnections = connections();
        oneChanges = new RedisPlanChanges(oneConnections);
        twoChanges = new RedisPlanChanges(twoConnections);
    }

    private LettuceConnectionFactory connections() {
        LettuceConnectionFactory connections = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration(redis.host(), redis.port()));
        connections.afterPropertiesSet();
        connections.start();
        return connections;
    }

    @AfterEach
    void stop() throws Exception {
        oneChanges.close();
        twoChanges.close();
        oneConnections.destroy();
        twoConnections.destroy();
        redis.close();
    }

    @Test
    void aPlanSavedThroughOneInstanceIsDroppedFromTheOthersCacheAtOnce() {
        TenantPlans instanceOne = new TenantPlans(directory, Tiers.refusingUnknown(), Clock.systemUTC(),
                Duration.ofMinutes(10), oneChanges);
        TenantPlans instanceTwo = new TenantPlans(directory, Tiers.refusingUnknown(), Clock.systemUTC(),
                Duration.ofMinutes(10), twoChanges);
        directory.save(plan(10));
        assertThat(instanceTwo.of(ACME).limits().messagesPerDay()).isEqualTo(10);

        directory.save(plan(1));
        instanceOne.changed(ACME);

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(instanceTwo.of(ACME).limits().messagesPerDay()).isEqualTo(1));
        assertThat(instanceOne.of(ACME).limits().messagesPerDay()).isEqualTo(1);
    }

    private static TenantPlan plan(int perDay) {
        return new TenantPlan(ACME, "Acme", "custom", new PlanLimits(perDay, 100, 2, 10_000, 5, 3), null, true);
    }
}
