package io.tenantchat.usage.metering.config;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What a usage event must be to be counted ({@code tenantchat.usage.events.*}); others go to the dead-letter queue.
 *
 * @param deadLetterQueue where refused events go, each with its reason
 * @param expectedAccount the AWS account events must come from; blank locally (the stand-in's account is made up)
 * @param expectedRegion the region events must come from, checked where an account is expected (the task's
 *     {@code AWS_REGION})
 * @param maxTokens the most tokens of each kind one model call may report
 * @param maxLatency the longest one model call may take
 * @param maxCostUsd the most one model call may cost
 * @param clockSkew how far in the future an invocation time may lie
 */
@Validated
@ConfigurationProperties("tenantchat.usage.events")
public record UsageEventProperties(@NotNull String deadLetterQueue, @DefaultValue("") String expectedAccount,
        @DefaultValue("") String expectedRegion, @DefaultValue("2000000") @Positive long maxTokens,
        @DefaultValue("1h") @NotNull Duration maxLatency, @DefaultValue("100") @NotNull BigDecimal maxCostUsd,
        @DefaultValue("5m") @NotNull Duration clockSkew) {
}
