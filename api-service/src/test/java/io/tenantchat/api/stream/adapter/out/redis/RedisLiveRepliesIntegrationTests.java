package io.tenantchat.api.stream.adapter.out.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.RedisClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tenantchat.api.stream.config.StreamProperties;
import io.tenantchat.api.stream.application.LiveReplies;
import io.tenantchat.localstack.redis.RedisServer;
import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.stream.ReplyDelta;
import io.tenantchat.shared.stream.ReplySettled;
import io.tenantchat.shared.stream.StreamChannels;
import io.tenantchat.shared.stream.StreamEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.util.unit.DataSize;
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
                new StaticListableBeanFactory(Map.of("registry", registry)).getBeanProvider(MeterRegistry.class),
                properties(1));
    }

    private static StreamProperties properties(int apiInstances) {
        return new StreamProperties(Duration.ofSeconds(1), Duration.ofSeconds(10), new StreamProperties.Redis(true),
                20, 5, apiInstances, Duration.ofSeconds(10), DataSize.ofMegabytes(1));
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
        live.subscribe(tenant, session, listener(received, new AtomicInteger()));
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

    @Test
    void droppedConnectionTellsEverySubscribedSessionToRereadExactlyOnceAndEventsFlowAgain() {
        TenantId tenant = TenantId.of("tenant-reconnect");
        List<SessionId> sessions = List.of(SessionId.random(), SessionId.random(), SessionId.random());
        List<StreamEvent> received = new CopyOnWriteArrayList<>();
        List<AtomicInteger> rereads = sessions.stream().map(s -> new AtomicInteger()).toList();
        for (int i = 0; i < sessions.size(); i++) {
            live.subscribe(tenant, sessions.get(i), listener(received, rereads.get(i)));
        }
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5))
                .until(() -> rereads.stream().allMatch(n -> n.get() == 0));

        RedisClient client = RedisClient.create(redis.uri().toString());
        try (var admin = client.connect()) {
            admin.sync().clientKill(io.lettuce.core.KillArgs.Builder.typePubsub());

            await().atMost(Duration.ofSeconds(20)).until(() -> rereads.stream().allMatch(n -> n.get() >= 1));
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                    .until(() -> rereads.stream().allMatch(n -> n.get() == 1));
            ReplyDelta delta = new ReplyDelta(tenant, sessions.get(0), MessageId.next(Clock.systemUTC()), 1, 1, "On");
            admin.sync().publish(StreamChannels.channel(tenant, sessions.get(0)), JSON.writeValueAsString(delta));
            await().atMost(Duration.ofSeconds(10)).until(() -> received.contains(delta));
        } finally {
            client.shutdown();
        }
        assertThat(registry.get("tenantchat.stream.resyncs").counter().count()).isEqualTo(3.0);
    }

    @Test
    void settledHintFromAWorkerMakesTheSessionsSubscribersRereadInsteadOfReceivingAFrame() {
        TenantId tenant = TenantId.of("tenant-settled");
        SessionId session = SessionId.random();
        SessionId other = SessionId.random();
        List<StreamEvent> received = new CopyOnWriteArrayList<>();
        AtomicInteger rereads = new AtomicInteger();
        AtomicInteger otherRereads = new AtomicInteger();
        live.subscribe(tenant, session, listener(received, rereads));
        live.subscribe(tenant, other, listener(received, otherRereads));
        ReplySettled settled = new ReplySettled(tenant, session, MessageId.next(Clock.systemUTC()));

        RedisClient client = RedisClient.create(redis.uri().toString());
        try (var publisher = client.connect()) {
            publisher.sync().publish(StreamChannels.channel(tenant, session), JSON.writeValueAsString(settled));
        } finally {
            client.shutdown();
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> rereads.get() == 1);
        assertThat(received).isEmpty();
        assertThat(otherRereads).hasValue(0);
        assertThat(registry.get("tenantchat.stream.settled_rereads").counter().count()).isEqualTo(1.0);
    }

    @Test
    void severalApiInstancesRefuseToStartWhenRedisDoesNotAnswer() {
        LettuceConnectionFactory nowhere = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration("127.0.0.1", 1));
        nowhere.afterPropertiesSet();
        nowhere.start();
        try {
            RedisLiveReplies several = new RedisLiveReplies(nowhere, JSON,
                    new StaticListableBeanFactory(Map.of("registry", registry)).getBeanProvider(MeterRegistry.class),
                    properties(2));
            org.assertj.core.api.Assertions.assertThatThrownBy(several::afterPropertiesSet)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("tenantchat.stream.api-instances=2 needs Redis");
        } finally {
            nowhere.destroy();
        }
    }

    private static LiveReplies.Listener listener(List<StreamEvent> received, AtomicInteger rereads) {
        return new LiveReplies.Listener() {
            @Override
            public void event(StreamEvent event) {
                received.add(event);
            }

            @Override
            public void changed() {
                rereads.incrementAndGet();
            }
        };
    }
}
