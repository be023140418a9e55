package io.tenantchat.worker.reply.config;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * api-service's quota holds ({@code tenantchat.quotas.*}): the worker gives back a message's in-flight slot (and,
 * when it fails, its token reservation) in the same transaction that ends the message.
 *
 * @param tenantsTable the tenants table
 */
@ConfigurationProperties("tenantchat.quotas")
@Validated
public record QuotaProperties(@NotBlank String tenantsTable) {}
