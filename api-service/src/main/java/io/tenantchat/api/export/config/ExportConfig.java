package io.tenantchat.api.export.config;

import io.tenantchat.api.audit.application.AuditRecorder;
import io.tenantchat.api.chat.application.MessageStore;
import io.tenantchat.api.export.application.ExportService;
import io.tenantchat.api.session.application.SessionRepository;
import io.tenantchat.api.usage.application.UsageRollupReader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The export use cases over the session, message and usage ports. */
@Configuration(proxyBeanMethods = false)
class ExportConfig {

    @Bean
    ExportService exportService(SessionRepository sessions, MessageStore messages, UsageRollupReader usage,
            AuditRecorder audit) {
        return new ExportService(sessions, messages, usage, audit);
    }
}
