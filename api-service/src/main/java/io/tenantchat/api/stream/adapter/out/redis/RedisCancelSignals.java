package io.tenantchat.api.stream.adapter.out.redis;

import io.tenantchat.api.chat.application.CancelSignals;
import io.tenantchat.api.chat.domain.MessageRef;
import io.tenantchat.shared.stream.CancelRequested;
import io.tenantchat.shared.stream.ReplyCancelled;
import io.tenantchat.shared.stream.StreamChannels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link CancelSignals} on the Redis pub/sub bus of the reply events: a message cancelled while queued is announced
 * on its session's channel as the terminal {@code cancelled} event (every api instance relays it); a stop of a
 * message being generated goes to every worker on {@link StreamChannels#CANCELLATIONS}. Redis trouble is logged,
 * never thrown: the stop is stored already.
 */
@Component
@ConditionalOnProperty(name = "tenantchat.stream.redis.enabled", havingValue = "true")
class RedisCancelSignals implements CancelSignals {

    private static final Logger log = LoggerFactory.getLogger(RedisCancelSignals.class);

    private final StringRedisTemplate redis;
    private final JsonMapper json;

    RedisCancelSignals(StringRedisTemplate redis, JsonMapper json) {
        this.redis = redis;
        this.json = json;
    }

    @Override
    public void cancelled(MessageRef message) {
        publish(StreamChannels.channel(message.tenantId(), message.sessionId()), new ReplyCancelled(
                message.tenantId(), message.sessionId(), message.messageId(), "", null, null), message);
    }

    @Override
    public void stopping(MessageRef message) {
        publish(StreamChannels.CANCELLATIONS, new CancelRequested(message.tenantId(), message.sessionId(),
                message.messageId()), message);
    }

    private void publish(String channel, Object payload, MessageRef message) {
        try {
            redis.convertAndSend(channel, json.writeValueAsString(payload));
        } catch (RuntimeException e) {
            log.warn("stop of message {} not signalled: {}", message.messageId(), e.toString());
        }
    }
}
