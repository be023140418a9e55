package io.tenantchat.api.apikey.config;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Per-tenant API keys ({@code tenantchat.api-keys.*}).
 *
 * @param table the api keys table
 * @param cacheTtl how long each api instance uses a key's record without reading it again (at most 1 s: the
 *     longest a revoked key may still be accepted)
 * @param markUsedEvery {@code last_used_at} is written at most once per this interval per key and instance
 */
@Validated
@ConfigurationProperties("tenantchat.api-keys")
public record ApiKeyProperties(@NotBlank String table, @NotNull @DefaultValue("1s") Duration cacheTtl,
        @NotNull @DefaultValue("1m") Duration markUsedEvery) {
}
