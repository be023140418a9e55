package io.tenantchat.worker.reply.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
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
 * @param maxInFlight jobs one worker holds at once (received and not yet acknowledged), streaming or waiting; the
 *     listener receives only while permits are free, and the model and SQS HTTP clients are sized to it
 * @param receive how the listener receives, acknowledges and stops (docs/adr/005-worker-execution-model.md)
 */
@ConfigurationProperties("tenantchat.worker")
@Validated
public record WorkerProperties(
        @DefaultValue("5") @Positive int maxAttempts,
        @DefaultValue @Valid @NotNull Retry retry,
        @DefaultValue @Valid @NotNull Visibility visibility,
        @DefaultValue @Valid @NotNull History history,
        @DefaultValue("2000") @Min(10) int maxInFlight,
        @DefaultValue @Valid @NotNull Receive receive) {

    @ConstructorBinding
    public WorkerProperties {
    }

    /** The settings before the execution model had its own: default permits and receiving. */
    public WorkerProperties(int maxAttempts, Retry retry, Visibility visibility, History history) {
        this(maxAttempts, retry, visibility, history, 2000, Receive.DEFAULTS);
    }

    /**
     * {@code tenantchat.worker.receive.*}.
     *
     * @param concurrentPolls receives in flight at once (each asks for up to {@code batchSize} jobs, as many as
     *     there are free permits); more polls only while permits are free
     * @param batchSize jobs per receive (SQS allows 10)
     * @param deleteWait longest a finished job waits for its delete to be batched with others (at most 10 per call)
     * @param shutdownGrace on shutdown, how long running jobs may still finish after receiving stopped; the rest
     *     are left to their visibility timeout and taken over by another worker
     */
    public record Receive(
            @DefaultValue("2") @Min(1) @Max(50) int concurrentPolls,
            @DefaultValue("10") @Min(1) @Max(10) int batchSize,
            @DefaultValue("100ms") @NotNull Duration deleteWait,
            @DefaultValue("25s") @NotNull Duration shutdownGrace) {

        static final Receive DEFAULTS = new Receive(2, 10, Duration.ofMillis(100), Duration.ofSeconds(25));
    }

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
