package io.tenantchat.api.chat.config;

import io.tenantchat.api.chat.application.CancelChatMessageService;
import io.tenantchat.api.chat.application.CancelSignals;
import io.tenantchat.api.chat.application.ChatAdmission;
import io.tenantchat.api.chat.application.ChatJobQueue;
import io.tenantchat.api.chat.application.ChatLimits;
import io.tenantchat.api.chat.application.ChatService;
import io.tenantchat.api.chat.application.MessageIntake;
import io.tenantchat.api.chat.application.MessageStore;
import io.tenantchat.api.chat.application.RetryChatMessageService;
import io.tenantchat.api.session.application.SessionRepository;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the chat feature's framework-free use-case services from their ports. */
@Configuration(proxyBeanMethods = false)
class ChatUseCaseConfig {

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
