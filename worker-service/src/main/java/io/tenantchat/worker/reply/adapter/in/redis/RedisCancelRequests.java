package io.tenantchat.worker.reply.adapter.in.redis;

import io.tenantchat.shared.stream.CancelRequested;
import io.tenantchat.shared.stream.StreamChannels;
import io.tenantchat.worker.reply.application.StopReplyUseCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Listens on {@link StreamChannels#CANCELLATIONS}, the Redis pub/sub bus that also carries the reply events, and
 * hands each {@link CancelRequested} to {@link StopReplyUseCase}: the worker generating that message stops it, the
 * others ignore it. A request missed while Redis is unreachable is still found in the stored message by the next
 * claim or completion of that message.
 */
@Component
@ConditionalOnProperty(name = "tenantchat.stream.redis.enabled", havingValue = "true")
class RedisCancelRequests {

    private static final Logger log = LoggerFactory.getLogger(RedisCancelRequests.class);

    private final StopReplyUseCase stop;
    private final JsonMapper json;

    RedisCancelRequests(RedisMessageListenerContainer listeners, StopReplyUseCase stop, JsonMapper json) {
        this.stop = stop;
        this.json = json;
        listeners.addMessageListener((message, pattern) -> heard(message.getBody()),
                new ChannelTopic(StreamChannels.CANCELLATIONS));
    }

    void heard(byte[] body) {
        try {
            CancelRequested request = json.readValue(body, CancelRequested.class);
            if (stop.stop(request.tenantId(), request.messageId())) {
                log.info("Stopping the reply to message {} of tenant {}", request.messageId(), request.tenantId());
            }
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            log.warn("Ignoring a malformed cancel request: {}", e.getMessage());
        }
    }
}
