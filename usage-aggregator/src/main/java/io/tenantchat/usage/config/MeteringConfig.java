package io.tenantchat.usage.config;

import io.tenantchat.usage.metering.application.RecordUsageService;
import io.tenantchat.usage.metering.application.UsageLedger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the framework-free metering service from its ledger port. */
@Configuration(proxyBeanMethods = false)
class MeteringConfig {

    @Bean
    RecordUsageService recordUsageService(UsageLedger ledger) {
        return new RecordUsageService(ledger);
    }
}
