package io.tenantchat.worker.reply.adapter.in.redis;

import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.stream.StreamChannels;
import io.tenantchat.worker.reply.application.TenantSettingsChanges;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Listens on {@link StreamChannels#PLAN_CHANGES}, where api-service announces every saved plan or profile (the
 * tenant id as message), and hands each tenant to {@link TenantSettingsChanges}: the worker reads that tenant's
 * settings afresh for its next reply. A change missed while Redis is unreachable is read once the cached settings
 * reach {@code tenantchat.profiles.announced-cache-ttl}.
 */
@Component
@ConditionalOnProperty(name = "tenantchat.stream.redis.enabled", havingValue = "true")
class RedisPlanChanges {

    private final TenantSettingsChanges changes;

    RedisPlanChanges(RedisMessageListenerContainer listeners, TenantSettingsChanges changes) {
        this.changes = changes;
        listeners.addMessageListener((message, pattern) -> heard(message.getBody()),
                new ChannelTopic(StreamChannels.PLAN_CHANGES));
    }

    void heard(byte[] body) {
        String tenant = new String(body, StandardCharsets.UTF_8);
        if (TenantId.isValid(tenant)) {
            changes.changed(TenantId.of(tenant));
        }
    }
}
