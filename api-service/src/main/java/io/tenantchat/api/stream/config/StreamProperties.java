package io.tenantchat.api.stream.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Reply streaming over {@code /ws} and long polls ({@code tenantchat.stream.*}).
 *
 * @param pollInterval without Redis only (one instance, no worker events): how often a subscribed session with a
 *     reply pending is re-read; an idle session is never re-read. Also how soon a failed re-read is retried
 * @param authTimeout how long a socket may stay open before it authenticates
 * @param redis the Redis pub/sub channel between workers and api instances
 * @param maxSubscriptionsPerSocket how many sessions one socket may follow at once; one more is refused with an
 *     error frame {@code too_many_subscriptions}
 * @param maxSocketsPerUser how many authenticated sockets one user may hold open at once on one api instance; one
 *     more gets an error frame {@code too_many_sockets} and is closed
 * @param apiInstances how many api instances may run at once; above 1 Redis is required (reply events must reach
 *     every instance) and must answer at startup, or the instance refuses to start
 * @param sendTimeLimit longest a socket may take to accept one frame; a slower socket is closed (1008
 *     {@code too slow})
 * @param sendBufferLimit most text waiting to be sent to one socket; a socket that falls further behind is closed
 *     (1008 {@code too slow}) instead of delaying anyone else
 */
@ConfigurationProperties("tenantchat.stream")
@Validated
public record StreamProperties(
        @DefaultValue("1s") @NotNull Duration pollInterval,
        @DefaultValue("10s") @NotNull Duration authTimeout,
        @DefaultValue @Valid @NotNull Redis redis,
        @DefaultValue("20") @Positive int maxSubscriptionsPerSocket,
        @DefaultValue("5") @Positive int maxSocketsPerUser,
        @DefaultValue("1") @Positive int apiInstances,
        @DefaultValue("10s") @NotNull Duration sendTimeLimit,
        @DefaultValue("1MB") @NotNull DataSize sendBufferLimit) {

    /** @param enabled whether live events come from Redis ({@code spring.data.redis.*}) */
    public record Redis(@DefaultValue("false") boolean enabled) {}

    /**
     * @throws IllegalStateException when several api instances are configured without Redis: a client on one
     *     instance would never hear of replies to messages sent through another
     */
    public void requireRedisForSeveralInstances() {
        if (apiInstances > 1 && !redis.enabled()) {
            throw new IllegalStateException("tenantchat.stream.api-instances=" + apiInstances + " (STREAM_API_INSTANCES)"
                    + " needs tenantchat.stream.redis.enabled=true (STREAM_REDIS_ENABLED): without Redis, reply events"
                    + " do not reach the other instances");
        }
    }
}
