package io.tenantchat.api.stream.adapter.out.redis;

import io.tenantchat.api.stream.application.ReplySnapshots;
import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.stream.ReplySnapshot;
import io.tenantchat.shared.stream.StreamChannels;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** {@link ReplySnapshots} from the worker's snapshot keys; Redis trouble reads as "no snapshot". */
@Component
@ConditionalOnProperty(name = "tenantchat.stream.redis.enabled", havingValue = "true")
class RedisReplySnapshots implements ReplySnapshots {

    private static final Logger log = LoggerFactory.getLogger(RedisReplySnapshots.class);

    private final StringRedisTemplate redis;
    private final JsonMapper json;

    RedisReplySnapshots(StringRedisTemplate redis, JsonMapper json) {
        this.redis = redis;
        this.json = json;
    }

    @Override
    public Optional<ReplySnapshot> find(TenantId tenantId, SessionId sessionId, MessageId messageId) {
        try {
            String stored = redis.opsForValue().get(StreamChannels.snapshotKey(tenantId, sessionId, messageId));
            return stored == null ? Optional.empty() : Optional.of(json.readValue(stored, ReplySnapshot.class))
                    .filter(snapshot -> snapshot.messageId().equals(messageId));
        } catch (RuntimeException e) {
            log.warn("Could not read the snapshot of message {}: {}", messageId, e.toString());
            return Optional.empty();
        }
    }
}
