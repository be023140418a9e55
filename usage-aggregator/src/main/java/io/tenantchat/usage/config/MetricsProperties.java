package io.tenantchat.usage.config;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tenantchat.metrics.tenants}: the tenants whose metrics carry their own {@code tenant} tag; all others are
 * tagged {@code other}, which keeps the number of series bounded.
 */
@ConfigurationProperties("tenantchat.metrics")
public record MetricsProperties(@DefaultValue List<String> tenants) {
}
