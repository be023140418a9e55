package io.tenantchat.api.stream.adapter.out.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.RedisClient;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.tenantchat.api.chat.domain.MessageRef;
import io.tenantchat.localstack.redis.RedisServer;
import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.UserId;
import io.tenantchat.shared.stream.CancelRequested;
import io.tenantchat.shared.stream.ReplyCancelled;
import io.tenantchat.shared.stream.StreamChannels;
import io.tenantchat.shared.stream.StreamEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Stop signals on a real redis-server: the cancelled event on the session's channel, stop requests to the workers. */
class RedisCancelSignalsIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static RedisServer redis;
    private static LettuceConnectionFactory connections;
    private static RedisClient subscriberClient;
    private static RedisCancelSignals signals;

    private final MessageRef message = new MessageRef(TenantId.of("tenant-001"), SessionId.random(), UserId.of("alice"),
            MessageId.next(Clock.systemUTC()));

    @BeforeAll
    static void startRedis() {
        redis = RedisServer.start();
        connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration(redis.host(), redis.port()));
        connections.afterPropertiesSet();
        connections.start();
        subscriberClient = RedisClient.create(redis.uri().toString());
        signals = new RedisCancelSignals(new StringRedisTemplate(connections), JSON);
    }

    @AfterAll
    static void stopRedis() {
        subscriberClient.shutdown();
        connections.destroy();
        redis.close();
    }

    @Test
    void aMessageCancelledWhileQueuedIsAnnouncedOnItsSessionChannelAsTheTerminalCancelledEvent() {
        List<String> received = subscribe(StreamChannels.channel(message.tenantId(), message.sessionId()));

        signals.cancelled(message);

        await().atMost(Duration.ofSeconds(5)).until(() -> !received.isEmpty());
        assertThat(JSON.readValue(received.get(0), StreamEvent.class)).isEqualTo(new ReplyCancelled(
                message.tenantId(), message.sessionId(), message.messageId(), "", null, null));
    }

    @Test
    void aStopOfAGeneratingMessageGoesToTheWorkersChannel() {
        List<String> received = subscribe(StreamChannels.CANCELLATIONS);

        signals.stopping(message);

        await().atMost(Duration.ofSeconds(5)).until(() -> !received.isEmpty());
        assertThat(JSON.readValue(received.get(0), CancelRequested.class)).isEqualTo(new CancelRequested(
                message.tenantId(), message.sessionId(), message.messageId()));
    }

    private static List<String> subscribe(String channel) {
        List<String> received = new CopyOnWriteArrayList<>();
        StatefulRedisPubSubConnection<String, String> connection = subscriberClient.connectPubSub();
        connection.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String ch, String body) {
                received.add(body);
            }
        });
        connection.sync().subscribe(channel);
        return received;
    }
}
