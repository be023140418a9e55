package io.tenantchat.api.usage.config;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where usage-aggregator keeps its rollups.
 *
 * @param rollupsTable the rollups table
 * @param rollupShards how many partitions each tenant's rollups are spread over (same as the aggregator's)
 */
@Validated
@ConfigurationProperties("tenantchat.usage")
public record UsageProperties(@NotBlank String rollupsTable, @Min(1) int rollupShards) {
}
