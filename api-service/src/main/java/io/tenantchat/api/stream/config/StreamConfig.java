package io.tenantchat.api.stream.config;

import io.tenantchat.api.chat.application.ViewMessagesUseCase;
import io.tenantchat.api.stream.application.LiveReplies;
import io.tenantchat.api.stream.application.ReplySnapshots;
import io.tenantchat.api.stream.application.StreamService;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires reply streaming. With Redis ({@code tenantchat.stream.redis.enabled=true}) live events and snapshots come
 * from the workers through Redis and a session is read only when a socket subscribes or Redis reconnects. Without
 * Redis (one instance only) live signals stay in-process, there are no deltas or snapshots, and a subscribed
 * session is re-read only while one of its replies is pending.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StreamProperties.class)
class StreamConfig {

    /** Re-reads after a reconnect or, without Redis, of pending replies; never a per-socket timer. */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService streamScheduler() {
        return Executors.newScheduledThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "reply-stream");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    StreamService streamService(ViewMessagesUseCase messages, LiveReplies live, ReplySnapshots snapshots,
            ScheduledExecutorService streamScheduler, StreamProperties stream) {
        stream.requireRedisForSeveralInstances();
        return new StreamService(messages, live, snapshots, streamScheduler, stream.pollInterval());
    }

    @Bean
    @ConditionalOnProperty(name = "tenantchat.stream.redis.enabled", havingValue = "false", matchIfMissing = true)
    ReplySnapshots noReplySnapshots() {
        return (tenantId, sessionId, messageId) -> Optional.empty();
    }
}
