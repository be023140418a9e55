package io.tenantchat.api.erasure.adapter.out.redis;

import io.tenantchat.api.erasure.application.PartialReplies;
import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.stream.StreamChannels;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/** Deletes the worker's snapshot keys ({@code tenantchat:partial:...}) of the erased replies in progress. */
@Component
@ConditionalOnProperty(name = "tenantchat.stream.redis.enabled", havingValue = "true")
class RedisPartialReplies implements PartialReplies {

    private final StringRedisTemplate redis;

    RedisPartialReplies(StringRedisTemplate redis) {
        this.redis = redis;
    }

    @Override
    public long delete(TenantId tenantId, SessionId sessionId, List<MessageId> messages) {
        Long deleted = redis.delete(messages.stream().map(m -> StreamChannels.snapshotKey(tenantId, sessionId, m)).toList());
        return deleted == null ? 0 : deleted;
    }
}
