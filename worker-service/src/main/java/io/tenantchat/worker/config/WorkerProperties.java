package io.tenantchat.worker.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Job handling ({@code tenantchat.worker.*}).
 *
 * @param maxAttempts model calls per message, across every delivery of its job, before a retryable failure marks
 *     it failed
 * @param retry in-process retries within one delivery
 * @param visibility how long a received job stays invisible to other workers, and how often that is extended
 * @param history how much earlier conversation the model gets
 */
@ConfigurationProperties("tenantchat.worker")
@Validated
public record WorkerProperties(
        @DefaultValue("5") @Positive int maxAttempts,
        @DefaultValue @Valid @NotNull Retry retry,
        @DefaultValue @Valid @NotNull Visibility visibility,
        @DefaultValue @Valid @NotNull History history) {

    /**
     * {@code tenantchat.worker.retry.*}: exponential backoff with full jitter.
     *
     * @param maxAttempts model calls per delivery before the job is left for redelivery
     */
    public record Retry(
            @DefaultValue("3") @Positive int maxAttempts,
            @DefaultValue("500ms") @NotNull Duration initialBackoff,
            @DefaultValue("8s") @NotNull Duration maxBackoff) {}

    /**
     * {@code tenantchat.worker.visibility.*}. A dead worker's job reappears at most {@code leaseSeconds} after its
     * last heartbeat, and is then taken over.
     *
     * @param leaseSeconds visibility timeout set on receipt and renewed by every heartbeat
     * @param heartbeatSeconds interval of the renewals while a job is handled; well below the lease
     */
    public record Visibility(
            @DefaultValue("30") @Min(2) @Max(43_200) int leaseSeconds,
            @DefaultValue("10") @Positive int heartbeatSeconds) {}

    /** {@code tenantchat.worker.history.*}: oldest exchanges are dropped first beyond either bound. */
    public record History(
            @DefaultValue("40") @Positive int maxTurns,
            @DefaultValue("100000") @Positive int maxChars) {}
}
