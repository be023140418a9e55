package io.tenantchat.worker.reply.config;

import io.tenantchat.shared.MetricTenants;
import io.tenantchat.worker.config.MetricsProperties;
import io.tenantchat.worker.reply.application.ReplyMetrics;
import java.util.Set;
import io.tenantchat.worker.reply.application.ChatModel;
import io.tenantchat.worker.reply.application.ConversationStore;
import io.tenantchat.worker.reply.application.GenerateReplyService;
import io.tenantchat.worker.reply.application.ReplyEvents;
import io.tenantchat.worker.reply.application.ReplySettings;
import io.tenantchat.worker.reply.application.RetryPolicy;
import io.tenantchat.worker.reply.application.RunningReplies;
import io.tenantchat.worker.reply.application.Sleeper;
import io.tenantchat.worker.reply.domain.HistoryBudget;
import io.tenantchat.worker.reply.application.ReplyCoalescing;
import io.tenantchat.worker.reply.application.TenantLimits;
import io.tenantchat.worker.reply.application.TenantProfiles;
import io.tenantchat.worker.reply.application.TenantSlots;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.Random;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import io.tenantchat.worker.usage.application.UsageMeter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/** Turns the properties into plain settings and wires the framework-free reply use case. */
@Configuration(proxyBeanMethods = false)
class ReplyConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ReplySettings replySettings(ModelProperties model, WorkerProperties worker) {
        WorkerProperties.Retry retry = worker.retry();
        return new ReplySettings(model.maxTokens(), worker.maxAttempts(),
                new RetryPolicy(retry.maxAttempts(), retry.initialBackoff(), retry.maxBackoff()),
                new HistoryBudget(worker.history().maxTurns(), worker.history().maxChars()));
    }

    /** Without a stream bus the events go nowhere: clients then learn of replies from the stored messages. */
    @Bean
    @ConditionalOnProperty(name = "tenantchat.stream.redis.enabled", havingValue = "false", matchIfMissing = true)
    ReplyEvents noReplyEvents() {
        return ReplyEvents.NONE;
    }

    /**
     * One subscriber connection for every channel the worker listens on (stop requests, plan and profile changes);
     * started and stopped with the application context.
     */
    @Bean
    @ConditionalOnProperty(name = "tenantchat.stream.redis.enabled", havingValue = "true")
    RedisMessageListenerContainer redisListeners(RedisConnectionFactory connections) {
        RedisMessageListenerContainer container = new RedisMessageListenerContainer();
        container.setConnectionFactory(connections);
        return container;
    }

    @Bean
    MetricTenants metricTenants(MetricsProperties metrics) {
        return new MetricTenants(Set.copyOf(metrics.tenants()));
    }

    /**
     * Reply text is published every {@value #COALESCE_MILLIS} ms or {@value #COALESCE_CHARS} characters, on virtual
     * threads: the model client's event-loop threads only append and schedule.
     */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService replyCoalescingTimer() {
        return Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("reply-coalescing").daemon()
                .factory());
    }

    /** The replies generating in this worker, which stop requests reach. */
    @Bean
    RunningReplies runningReplies() {
        return new RunningReplies();
    }

    @Bean
    GenerateReplyService generateReplyService(ConversationStore store, ChatModel chatModel, ReplyEvents events,
            UsageMeter usage, ReplySettings settings, Clock clock, ReplyMetrics metrics,
            ScheduledExecutorService replyCoalescingTimer, TenantLimits tenantLimits, RunningReplies runningReplies,
            TenantProfiles tenantProfiles) {
        ReplyCoalescing coalescing = events == ReplyEvents.NONE ? ReplyCoalescing.NONE
                : new ReplyCoalescing(Duration.ofMillis(COALESCE_MILLIS), COALESCE_CHARS, replyCoalescingTimer,
                        Executors.newVirtualThreadPerTaskExecutor());
        return new GenerateReplyService(store, chatModel, events, usage, settings, clock, Sleeper.THREAD,
                new Random(), metrics, coalescing, new TenantSlots(tenantLimits), runningReplies, tenantProfiles);
    }

    static final long COALESCE_MILLIS = 50;
    static final int COALESCE_CHARS = 1024;
}
