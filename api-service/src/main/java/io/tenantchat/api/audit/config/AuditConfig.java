package io.tenantchat.api.audit.config;

import io.tenantchat.api.audit.application.AuditRecorder;
import io.tenantchat.api.audit.application.AuditService;
import io.tenantchat.api.audit.application.AuditTrail;
import io.tenantchat.api.web.RequestIds;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The audit trail's use cases: the recorder every administrative action appends through, and the reader. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditProperties.class)
class AuditConfig {

    @Bean
    AuditRecorder auditRecorder(AuditTrail trail, Clock clock) {
        return new AuditRecorder(trail, clock, RequestIds::current);
    }

    @Bean
    AuditService auditService(AuditTrail trail) {
        return new AuditService(trail);
    }
}
