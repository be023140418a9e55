package io.tenantchat.api.session.config;

import io.tenantchat.api.session.application.ConversationEraser;
import io.tenantchat.api.session.application.SessionRepository;
import io.tenantchat.api.session.application.SessionService;
import io.tenantchat.api.tenant.application.QuotaLedger;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the session feature's use-case service from its ports. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({LimitsProperties.class, SessionTableProperties.class})
class SessionConfig {

    @Bean
    SessionService sessionService(SessionRepository sessions, ConversationEraser conversations, Clock clock,
            QuotaLedger ledger, LimitsProperties limits) {
        return new SessionService(sessions, conversations, clock, ledger::release, limits.maxSessionsPerUser());
    }
}
