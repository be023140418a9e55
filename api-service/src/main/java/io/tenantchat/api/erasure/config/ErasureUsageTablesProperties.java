package io.tenantchat.api.erasure.config;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The usage tables erasure rewrites (usage-aggregator writes them): the same names and shard count the aggregator
 * uses.
 *
 * @param usageTable the raw usage rows ({@code USAGE_TABLE})
 * @param rollupsTable the hour/day/month rollups ({@code USAGE_ROLLUPS_TABLE})
 * @param rollupShards how many partitions each tenant's rollups are spread over ({@code USAGE_ROLLUP_SHARDS})
 */
@Validated
@ConfigurationProperties("tenantchat.erasure.usage")
public record ErasureUsageTablesProperties(@NotBlank String usageTable, @NotBlank String rollupsTable,
        @Min(1) int rollupShards) {
}
