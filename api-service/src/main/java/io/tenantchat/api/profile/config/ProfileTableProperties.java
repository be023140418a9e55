package io.tenantchat.api.profile.config;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The table the profile feature reads and writes: the tenants table, whose {@code profile} item it owns (the same
 * {@code tenantchat.tenants.table} setting the tenant feature binds).
 */
@Validated
@ConfigurationProperties("tenantchat.tenants")
public record ProfileTableProperties(@NotBlank String table) {
}
