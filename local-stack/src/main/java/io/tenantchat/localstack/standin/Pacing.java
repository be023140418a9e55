package io.tenantchat.localstack.standin;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * How fast a stand-in streams: the delay before the first token and the pace of the following ones.
 *
 * @param timeToFirstToken delay before the first token (a slow start when large)
 * @param tokensPerSecond pace of the tokens after the first
 */
public record Pacing(Duration timeToFirstToken, int tokensPerSecond) {

    public Pacing {
        if (timeToFirstToken == null || timeToFirstToken.isNegative()) {
            throw new IllegalArgumentException("timeToFirstToken must be zero or positive");
        }
        if (tokensPerSecond <= 0) {
            throw new IllegalArgumentException("tokensPerSecond must be positive");
        }
    }

    /** 50 ms to the first token, then 200 tokens/s. */
    public static Pacing defaults() {
        return new Pacing(Duration.ofMillis(50), 200);
    }

    long nanosPerToken() {
        return TimeUnit.SECONDS.toNanos(1) / tokensPerSecond;
    }
}
