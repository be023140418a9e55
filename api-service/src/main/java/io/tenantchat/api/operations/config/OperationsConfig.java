package io.tenantchat.api.operations.config;

import io.tenantchat.api.audit.application.AuditRecorder;
import io.tenantchat.api.chat.application.MessageStore;
import io.tenantchat.api.operations.application.DeadLetterReplays;
import io.tenantchat.api.operations.application.InspectQueuesService;
import io.tenantchat.api.operations.application.QueueConsole;
import io.tenantchat.api.operations.application.ReplayDeadLettersService;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the queue operations use cases from their ports. */
@Configuration(proxyBeanMethods = false)
class OperationsConfig {

    @Bean
    InspectQueuesService inspectQueuesService(QueueConsole console, MessageStore messages) {
        return new InspectQueuesService(console, messages);
    }

    @Bean
    ReplayDeadLettersService replayDeadLettersService(QueueConsole console, MessageStore messages, Clock clock,
            AuditRecorder audit) {
        return new ReplayDeadLettersService(console, new DeadLetterReplays(console, messages, clock), audit);
    }
}
