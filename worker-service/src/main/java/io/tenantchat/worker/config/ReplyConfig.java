package io.tenantchat.worker.config;

import io.tenantchat.worker.reply.application.ChatModel;
import io.tenantchat.worker.reply.application.ConversationStore;
import io.tenantchat.worker.reply.application.GenerateReplyService;
import io.tenantchat.worker.reply.application.ReplySettings;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Turns the properties into plain settings and wires the framework-free reply use case. */
@Configuration(proxyBeanMethods = false)
class ReplyConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ReplySettings replySettings(ModelProperties model, WorkerProperties worker) {
        return new ReplySettings(model.maxTokens(), worker.maxAttempts());
    }

    @Bean
    GenerateReplyService generateReplyService(ConversationStore store, ChatModel chatModel, ReplySettings settings,
            Clock clock) {
        return new GenerateReplyService(store, chatModel, settings, clock);
    }
}
