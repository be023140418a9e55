package io.tenantchat.api.config;

import io.tenantchat.api.chat.application.CancelChatMessageService;
import io.tenantchat.api.chat.application.CancelSignals;
import io.tenantchat.api.chat.application.ChatAdmission;
import io.tenantchat.api.chat.application.ChatJobQueue;
import io.tenantchat.api.chat.application.ChatLimits;
import io.tenantchat.api.chat.application.ChatService;
import io.tenantchat.api.chat.application.MessageIntake;
import io.tenantchat.api.chat.application.MessageStore;
import io.tenantchat.api.chat.application.RetryChatMessageService;
import io.tenantchat.api.session.application.ConversationEraser;
import io.tenantchat.api.session.application.SessionRepository;
import io.tenantchat.api.session.application.SessionService;
import io.tenantchat.api.tenant.application.QuotaLedger;
import io.tenantchat.api.usage.application.UsageRollupReader;
import io.tenantchat.api.usage.application.UsageService;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the framework-free use-case services from their ports. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LimitsProperties.class)
class UseCaseConfig {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        // millisecond ticks: stored timestamps have one precision across services
        return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    }

    @Bean
    SessionService sessionService(SessionRepository sessions, ConversationEraser conversations, Clock clock,
            QuotaLedger ledger, LimitsProperties limits) {
        return new SessionService(sessions, conversations, clock, ledger::release, limits.maxSessionsPerUser());
    }

    @Bean
    UsageService usageService(UsageRollupReader rollups, Clock clock) {
        return new UsageService(rollups, clock);
    }

    @Bean
    RetryChatMessageService retryChatMessageService(MessageStore messages, ChatJobQueue queue, Clock clock,
            ChatAdmission chatAdmission, ObjectProvider<MessageIntake> intake) {
        return new RetryChatMessageService(messages, queue, clock, chatAdmission, intake.getIfAvailable());
    }

    @Bean
    CancelChatMessageService cancelChatMessageService(MessageStore messages, CancelSignals signals, Clock clock) {
        return new CancelChatMessageService(messages, signals, clock);
    }

    @Bean
    ChatService chatService(SessionRepository sessions, MessageStore messages, ChatJobQueue queue, Clock clock,
            ChatLimits chatLimits, ChatAdmission chatAdmission, ObjectProvider<MessageIntake> intake) {
        // with an intake (DynamoDB): one transaction per accepted message, then the job's send
        return new ChatService(sessions, messages, queue, clock, chatLimits, chatAdmission, intake.getIfAvailable());
    }
}
