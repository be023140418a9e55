package io.tenantchat.api.usage.config;

import io.tenantchat.api.usage.application.UsageRollupReader;
import io.tenantchat.api.usage.application.UsageService;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the usage feature's use-case service from its port. */
@Configuration(proxyBeanMethods = false)
class UsageConfig {

    @Bean
    UsageService usageService(UsageRollupReader rollups, Clock clock) {
        return new UsageService(rollups, clock);
    }
}
