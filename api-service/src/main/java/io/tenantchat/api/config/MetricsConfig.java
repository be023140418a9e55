package io.tenantchat.api.config;

import io.tenantchat.shared.MetricTenants;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The bounded tenant tag of the api's metrics. */
@Configuration(proxyBeanMethods = false)
class MetricsConfig {

    @Bean
    MetricTenants metricTenants(MetricsProperties metrics) {
        return new MetricTenants(Set.copyOf(metrics.tenants()));
    }
}
