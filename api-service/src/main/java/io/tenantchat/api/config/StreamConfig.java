package io.tenantchat.api.config;

import io.tenantchat.api.chat.application.ViewMessagesUseCase;
import io.tenantchat.api.stream.application.LiveReplies;
import io.tenantchat.api.stream.application.ReplySnapshots;
import io.tenantchat.api.stream.application.StreamService;
import io.tenantchat.api.stream.application.Subscription;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires reply streaming. Without Redis ({@code tenantchat.stream.redis.enabled=false}) there are no live events
 * and no snapshots: subscribers learn of replies when they are stored (the feed re-reads them periodically).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StreamProperties.class)
class StreamConfig {

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
        return new StreamService(messages, live, snapshots, streamScheduler, stream.pollInterval());
    }

    @Bean
    @ConditionalOnProperty(name = "tenantchat.stream.redis.enabled", havingValue = "false", matchIfMissing = true)
    LiveReplies noLiveReplies() {
        return (tenantId, sessionId, listener) -> Subscription.NONE;
    }

    @Bean
    @ConditionalOnProperty(name = "tenantchat.stream.redis.enabled", havingValue = "false", matchIfMissing = true)
    ReplySnapshots noReplySnapshots() {
        return (tenantId, sessionId, messageId) -> Optional.empty();
    }
}
