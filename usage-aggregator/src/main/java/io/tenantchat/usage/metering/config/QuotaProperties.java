package io.tenantchat.usage.metering.config;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * api-service's token budgets ({@code tenantchat.quotas.*}): each counted model call adds its real tokens to the
 * tenant's month and settles the message's token reservation, in the same transaction that counts it.
 *
 * @param tenantsTable the tenants table
 */
@Validated
@ConfigurationProperties("tenantchat.quotas")
public record QuotaProperties(@NotBlank String tenantsTable) {
}
