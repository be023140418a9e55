package io.tenantchat.usage.metering.config;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * api-service's tenant audit trail ({@code tenantchat.audit.*}): a re-aggregation appends its entry there.
 *
 * @param table the audit table
 */
@Validated
@ConfigurationProperties("tenantchat.audit")
public record AuditProperties(@NotBlank String table) {
}
