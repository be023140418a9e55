package io.tenantchat.api.chat.config;

import io.tenantchat.api.chat.application.ChatLimits;
import java.time.Duration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Turns {@code tenantchat.chat.*} into the chat use cases' plain limits. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ChatProperties.class, IntakeProperties.class})
class ChatConfig {

    @Bean
    ChatLimits chatLimits(ChatProperties chat) {
        return new ChatLimits(chat.maxMessageChars(), chat.idempotencyWindow(),
                Duration.ofSeconds(chat.maxWaitSeconds()), chat.pollInterval(), chat.maxLongPollsPerUser());
    }
}
