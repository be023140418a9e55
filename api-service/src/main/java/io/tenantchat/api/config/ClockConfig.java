package io.tenantchat.api.config;

import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The clock every feature reads the time from. */
@Configuration(proxyBeanMethods = false)
class ClockConfig {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        // millisecond ticks: stored timestamps have one precision across services
        return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    }
}
