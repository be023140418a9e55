package io.tenantchat.worker.reply.adapter.in.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.stream.CancelRequested;
import io.tenantchat.shared.stream.StreamChannels;
import io.tenantchat.worker.reply.application.RunningReplies;
import io.tenantchat.worker.reply.domain.MessageRef;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Stop requests over a real redis-server reach the reply this worker is generating, and only that one. */
class RedisCancelRequestsIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static ListeningRedis redis;
    private static StringRedisTemplate template;
    private static RunningReplies running;

    @BeforeAll
    static void startRedis() {
        redis = ListeningRedis.start();
        template = redis.template;
        running = new RunningReplies();
        new RedisCancelRequests(redis.listeners, running, JSON);
    }

    @AfterAll
    static void stopRedis() throws Exception {
        redis.close();
    }

    @Test
    void aPublishedStopRequestStopsTheReplyGeneratingHere() {
        MessageRef ref = new MessageRef(TenantId.of("tenant-001"), SessionId.random(), MessageId.next(Clock.systemUTC()));
        try (RunningReplies.Watch watch = running.watch(ref)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> {
                publish(new CancelRequested(ref.tenantId(), ref.sessionId(), ref.messageId()));
                return watch.stopped();
            });
        }
    }

    @Test
    void aStopRequestNamingAnotherTenantOrAMalformedOneStopsNothing() {
        MessageRef ref = new MessageRef(TenantId.of("tenant-001"), SessionId.random(), MessageId.next(Clock.systemUTC()));
        MessageRef marker = new MessageRef(TenantId.of("tenant-001"), SessionId.random(), MessageId.next(Clock.systemUTC()));
        try (RunningReplies.Watch watch = running.watch(ref); RunningReplies.Watch seen = running.watch(marker)) {
            template.convertAndSend(StreamChannels.CANCELLATIONS, "{not json");
            publish(new CancelRequested(TenantId.of("tenant-002"), ref.sessionId(), ref.messageId()));
            // a request published after those two, on the same channel, shows they were heard
            await().atMost(Duration.ofSeconds(5)).until(() -> {
                publish(new CancelRequested(marker.tenantId(), marker.sessionId(), marker.messageId()));
                return seen.stopped();
            });

            assertThat(watch.stopped()).isFalse();
        }
    }

    private static void publish(CancelRequested request) {
        template.convertAndSend(StreamChannels.CANCELLATIONS, JSON.writeValueAsString(request));
    }
}
