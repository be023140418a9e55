package io.tenantchat.api.erasure.adapter.out.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantchat.localstack.redis.RedisServer;
import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.stream.StreamChannels;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The erased replies' snapshot keys against a real Redis: exactly those go, another tenant's stay. */
class RedisPartialRepliesIntegrationTests {

    static RedisServer redis;
    static LettuceConnectionFactory connections;
    static StringRedisTemplate template;

    @BeforeAll
    static void start() {
        redis = RedisServer.start();
        connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration(redis.host(), redis.port()));
        connections.afterPropertiesSet();
        connections.start();
        template = new StringRedisTemplate(connections);
    }

    @AfterAll
    static void stop() {
        connections.destroy();
        redis.close();
    }

    @Test
    void deletesTheSnapshotsOfTheGivenMessagesOnlyAndCountsThem() {
        TenantId tenant = TenantId.of("t-" + UUID.randomUUID().toString().substring(0, 8));
        TenantId other = TenantId.of("t-" + UUID.randomUUID().toString().substring(0, 8));
        SessionId session = SessionId.of(UUID.randomUUID().toString());
        MessageId erased = MessageId.of(UUID.randomUUID().toString());
        MessageId finished = MessageId.of(UUID.randomUUID().toString());
        MessageId kept = MessageId.of(UUID.randomUUID().toString());
        template.opsForValue().set(StreamChannels.snapshotKey(tenant, session, erased), "{}");
        template.opsForValue().set(StreamChannels.snapshotKey(tenant, session, kept), "{}");
        template.opsForValue().set(StreamChannels.snapshotKey(other, session, erased), "{}");

        long deleted = new RedisPartialReplies(template).delete(tenant, session, List.of(erased, finished));

        assertThat(deleted).as("one snapshot existed").isEqualTo(1);
        assertThat(template.hasKey(StreamChannels.snapshotKey(tenant, session, erased))).isFalse();
        assertThat(template.hasKey(StreamChannels.snapshotKey(tenant, session, kept))).isTrue();
        assertThat(template.hasKey(StreamChannels.snapshotKey(other, session, erased))).as("another tenant's").isTrue();
    }
}
