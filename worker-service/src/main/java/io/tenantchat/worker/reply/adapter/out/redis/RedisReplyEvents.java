package io.tenantchat.worker.reply.adapter.out.redis;

import io.tenantchat.shared.stream.ReplyCancelled;
import io.tenantchat.shared.stream.ReplyCompleted;
import io.tenantchat.shared.stream.ReplyDelta;
import io.tenantchat.shared.stream.ReplyFailed;
import io.tenantchat.shared.stream.ReplyRestarted;
import io.tenantchat.shared.stream.ReplySettled;
import io.tenantchat.shared.stream.ReplySnapshot;
import io.tenantchat.shared.stream.StreamChannels;
import io.tenantchat.shared.stream.StreamEvent;
import io.tenantchat.worker.reply.application.ReplyEvents;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link ReplyEvents} on Redis ({@code tenantchat.stream.redis.enabled=true}): each event is published on
 * {@code tenantchat:stream:{tenant}:{session}}; the text so far is written to the snapshot key <em>before</em> the
 * event that extends it is published, so a subscriber that subscribed, then read the snapshot, misses nothing.
 * Redis trouble is logged, never thrown: the reply itself does not depend on it.
 */
@Component
@ConditionalOnProperty(name = "tenantchat.stream.redis.enabled", havingValue = "true")
class RedisReplyEvents implements ReplyEvents {

    static final Duration SNAPSHOT_TTL = Duration.ofMinutes(15);
    private static final Logger log = LoggerFactory.getLogger(RedisReplyEvents.class);

    private final StringRedisTemplate redis;
    private final JsonMapper json;

    RedisReplyEvents(StringRedisTemplate redis, JsonMapper json) {
        this.redis = redis;
        this.json = json;
    }

    @Override
    public void delta(ReplyDelta delta, String textSoFar) {
        guarded(delta, () -> {
            snapshot(delta, new ReplySnapshot(delta.messageId(), delta.attempt(), delta.seq(), textSoFar));
            publish(delta);
        });
    }

    @Override
    public void restarted(ReplyRestarted restarted) {
        guarded(restarted, () -> {
            snapshot(restarted, new ReplySnapshot(restarted.messageId(), restarted.attempt(), restarted.seq(), ""));
            publish(restarted);
        });
    }

    @Override
    public void completed(ReplyCompleted completed) {
        finish(completed);
    }

    @Override
    public void failed(ReplyFailed failed) {
        finish(failed);
    }

    @Override
    public void cancelled(ReplyCancelled cancelled) {
        finish(cancelled);
    }

    @Override
    public void settled(ReplySettled settled) {
        guarded(settled, () -> publish(settled));
    }

    private void finish(StreamEvent event) {
        guarded(event, () -> {
            redis.delete(StreamChannels.snapshotKey(event.tenantId(), event.sessionId(), event.messageId()));
            publish(event);
        });
    }

    private void snapshot(StreamEvent event, ReplySnapshot snapshot) {
        redis.opsForValue().set(StreamChannels.snapshotKey(event.tenantId(), event.sessionId(), event.messageId()),
                json.writeValueAsString(snapshot), SNAPSHOT_TTL);
    }

    private void publish(StreamEvent event) {
        redis.convertAndSend(StreamChannels.channel(event.tenantId(), event.sessionId()),
                json.writeValueAsString(event));
    }

    private static void guarded(StreamEvent event, Runnable write) {
        try {
            write.run();
        } catch (RuntimeException e) {
            log.warn("Could not publish a reply event for message {}: {}", event.messageId(), e.toString());
        }
    }
}
