package io.tenantchat.usage.metering.config;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where usage goes.
 *
 * @param usageTable raw rows in the seed's usage table shape
 * @param rollupsTable per-tenant hour/day/month rollups and the counted-event markers
 * @param rollupShards partitions each tenant's rollups are spread over (the api must use the same number)
 */
@Validated
@ConfigurationProperties("tenantchat.usage")
public record UsageProperties(@NotBlank String usageTable, @NotBlank String rollupsTable, @Min(1) int rollupShards) {
}
