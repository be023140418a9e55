package io.tenantchat.api.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Reply streaming over {@code /ws} ({@code tenantchat.stream.*}).
 *
 * @param pollInterval how often an open subscription re-reads the stored messages (the fallback that delivers
 *     completions without Redis or after a lost event)
 * @param authTimeout how long a socket may stay open before it authenticates
 * @param redis the Redis pub/sub channel between workers and api instances
 * @param maxSubscriptionsPerSocket how many sessions one socket may follow at once; one more is refused with an
 *     error frame {@code too_many_subscriptions}
 * @param maxSocketsPerUser how many authenticated sockets one user may hold open at once on one api instance; one
 *     more gets an error frame {@code too_many_sockets} and is closed
 */
@ConfigurationProperties("tenantchat.stream")
@Validated
public record StreamProperties(
        @DefaultValue("1s") @NotNull Duration pollInterval,
        @DefaultValue("10s") @NotNull Duration authTimeout,
        @DefaultValue @Valid @NotNull Redis redis,
        @DefaultValue("20") @Positive int maxSubscriptionsPerSocket,
        @DefaultValue("5") @Positive int maxSocketsPerUser) {

    /** @param enabled whether live events come from Redis ({@code spring.data.redis.*}) */
    public record Redis(@DefaultValue("false") boolean enabled) {}
}
