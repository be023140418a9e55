package io.tenantchat.api.tenant.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long each api instance uses a tenant's plan (and its view of the tenant's committed tokens, for
 * {@code Quota-Warning}) without reading it again ({@code tenantchat.tenants.plan-cache.ttl}); a plan saved by an
 * operator is dropped at once on every instance regardless.
 */
@ConfigurationProperties("tenantchat.tenants.plan-cache")
public record PlanCacheProperties(@DefaultValue("5s") Duration ttl) {
}
