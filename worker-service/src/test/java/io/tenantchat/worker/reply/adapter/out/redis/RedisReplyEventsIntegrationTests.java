package io.tenantchat.worker.reply.adapter.out.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.RedisClient;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.tenantchat.localstack.redis.RedisServer;
import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.stream.ReplyCompleted;
import io.tenantchat.shared.stream.ReplyDelta;
import io.tenantchat.shared.stream.ReplyRestarted;
import io.tenantchat.shared.stream.ReplySnapshot;
import io.tenantchat.shared.stream.ReplyUsage;
import io.tenantchat.shared.stream.StreamChannels;
import io.tenantchat.shared.stream.StreamEvent;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The Redis adapter against a real redis-server (Debian package): events on the channel, snapshot beside it. */
@ExtendWith(OutputCaptureExtension.class)
class RedisReplyEventsIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TenantId TENANT = TenantId.of("tenant-001");

    private static RedisServer redis;
    private static LettuceConnectionFactory connections;
    private static StringRedisTemplate template;
    private static RedisClient subscriberClient;

    private final SessionId session = SessionId.random();
    private final MessageId message = MessageId.next(Clock.systemUTC());

    @BeforeAll
    static void startRedis() {
        redis = RedisServer.start();
        connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration(redis.host(), redis.port()));
        connections.afterPropertiesSet();
        connections.start();
        template = new StringRedisTemplate(connections);
        subscriberClient = RedisClient.create(redis.uri().toString());
    }

    @AfterAll
    static void stopRedis() {
        subscriberClient.shutdown();
        connections.destroy();
        redis.close();
    }

    @Test
    void eventsArePublishedOnTheSessionChannelInOrderAndTheSnapshotFollowsTheText() {
        List<StreamEvent> received = subscribe(StreamChannels.channel(TENANT, session));
        RedisReplyEvents events = new RedisReplyEvents(template, JSON);

        events.delta(new ReplyDelta(TENANT, session, message, 1, 1, "Hel"), "Hel");
        events.delta(new ReplyDelta(TENANT, session, message, 1, 2, "lo"), "Hello");

        assertThat(snapshot()).isEqualTo(new ReplySnapshot(message, 1, 2, "Hello"));
        events.restarted(new ReplyRestarted(TENANT, session, message, 2, 0));
        assertThat(snapshot()).isEqualTo(new ReplySnapshot(message, 2, 0, ""));
        ReplyCompleted completed = new ReplyCompleted(TENANT, session, message, "Hello", "m", new ReplyUsage(3, 1));
        events.completed(completed);

        await().until(() -> received.size() == 4);
        assertThat(received).extracting(event -> event.getClass().getSimpleName())
                .containsExactly("ReplyDelta", "ReplyDelta", "ReplyRestarted", "ReplyCompleted");
        assertThat(received.get(3)).isEqualTo(completed);
        assertThat(template.hasKey(StreamChannels.snapshotKey(TENANT, session, message))).isFalse();
    }

    @Test
    void anotherSessionsChannelHearsNothing() {
        List<StreamEvent> elsewhere = subscribe(StreamChannels.channel(TENANT, SessionId.random()));
        List<StreamEvent> here = subscribe(StreamChannels.channel(TENANT, session));

        new RedisReplyEvents(template, JSON).delta(new ReplyDelta(TENANT, session, message, 1, 1, "Hi"), "Hi");

        await().until(() -> here.size() == 1);
        assertThat(elsewhere).isEmpty();
    }

    @Test
    void unreachableRedisIsLoggedNotThrown(CapturedOutput output) {
        LettuceConnectionFactory nowhere = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration("127.0.0.1", io.tenantchat.localstack.Ports.free()));
        nowhere.afterPropertiesSet();
        nowhere.start();
        try {
            RedisReplyEvents events = new RedisReplyEvents(new StringRedisTemplate(nowhere), JSON);

            assertThatCode(() -> events.delta(new ReplyDelta(TENANT, session, message, 1, 1, "Hi"), "Hi"))
                    .doesNotThrowAnyException();
            assertThatCode(() -> events.completed(new ReplyCompleted(TENANT, session, message, "Hi", "m",
                    new ReplyUsage(1, 1)))).doesNotThrowAnyException();
        } finally {
            nowhere.destroy();
        }
        assertThat(output.getAll().lines()
                .filter(line -> line.contains("WARN") && line.contains(
                        "Could not publish a reply event for message " + message.value())))
                .as("one warning per event the unreachable Redis did not take").hasSize(2);
    }

    private ReplySnapshot snapshot() {
        return JSON.readValue(template.opsForValue().get(StreamChannels.snapshotKey(TENANT, session, message)),
                ReplySnapshot.class);
    }

    private static List<StreamEvent> subscribe(String channel) {
        List<StreamEvent> received = new CopyOnWriteArrayList<>();
        StatefulRedisPubSubConnection<String, String> connection = subscriberClient.connectPubSub();
        connection.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String from, String body) {
                received.add(JSON.readValue(body, StreamEvent.class));
            }
        });
        connection.sync().subscribe(channel);
        return received;
    }
}
