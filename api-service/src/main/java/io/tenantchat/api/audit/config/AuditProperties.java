package io.tenantchat.api.audit.config;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The tenant audit trail ({@code tenantchat.audit.*}).
 *
 * @param table the audit table: one hash-chained entry per administrative action, keyed by tenant and sequence
 */
@Validated
@ConfigurationProperties("tenantchat.audit")
public record AuditProperties(@NotBlank String table) {
}
