package io.tenantchat.api.chat.config;

import io.tenantchat.api.chat.application.ChatLimits;
import io.tenantchat.api.chat.domain.RetentionPolicy;
import java.time.Duration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Turns {@code tenantchat.chat.*} into the chat use cases' plain limits, and {@code tenantchat.retention.*} into the
 * retention policy.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ChatProperties.class, IntakeProperties.class})
class ChatConfig {

    @Bean
    ChatLimits chatLimits(ChatProperties chat) {
        return new ChatLimits(chat.maxMessageChars(), chat.idempotencyWindow(),
                Duration.ofSeconds(chat.maxWaitSeconds()), chat.pollInterval(), chat.maxLongPollsPerUser());
    }

    /** Which days apply to whom; the tenant feature answers each message's with it ({@code ConversationRetention}). */
    @Bean
    RetentionPolicy retentionPolicy(RetentionProperties retention) {
        return retention.policy();
    }
}
