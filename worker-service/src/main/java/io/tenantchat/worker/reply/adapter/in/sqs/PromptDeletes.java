package io.tenantchat.worker.reply.adapter.in.sqs;

import io.awspring.cloud.sqs.listener.ContainerOptions;
import io.awspring.cloud.sqs.listener.acknowledgement.AbstractOrderingAcknowledgementProcessor;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;

/**
 * The chat-job container's acknowledgements: a finished job's {@code DeleteMessageBatch} leaves at once when the
 * worker sent none within {@code receive.delete-wait} (its FIFO group's next message is released without waiting),
 * otherwise with the deletes that arrive until {@code delete-wait} after the previous call (at most ten per call, a
 * full batch at once): {@link SpacedBatches}. spring-cloud-aws's batching processor instead sends every delete on
 * its interval, so an idle worker's delete waited up to {@code delete-wait}. A job is acknowledged without waiting
 * for its delete; a delete that fails leaves the message to reappear after its lease, and its redelivery finds the
 * message done.
 */
final class PromptDeletes<T> extends AbstractOrderingAcknowledgementProcessor<T> {

    private static final Logger log = LoggerFactory.getLogger(PromptDeletes.class);
    private static final int MAX_BATCH = 10;

    private Duration spacing = Duration.ofMillis(100);
    private int maxBatch = MAX_BATCH;
    private Duration shutdownTimeout = Duration.ofSeconds(5);
    private @Nullable ScheduledExecutorService timer;
    private @Nullable SpacedBatches<Message<T>> batches;

    @Override
    protected void doConfigure(ContainerOptions<?, ?> options) {
        if (options.getAcknowledgementInterval() != null) {
            spacing = options.getAcknowledgementInterval();
        }
        if (options.getAcknowledgementThreshold() != null && options.getAcknowledgementThreshold() > 0) {
            maxBatch = Math.min(MAX_BATCH, options.getAcknowledgementThreshold());
        }
        if (options.getAcknowledgementShutdownTimeout() != null) {
            shutdownTimeout = options.getAcknowledgementShutdownTimeout();
        }
    }

    @Override
    protected void doStart() {
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, getId() + "-deletes");
            thread.setDaemon(true);
            return thread;
        });
        timer = started;
        batches = new SpacedBatches<>(maxBatch, spacing, this::sendToExecutor,
                (task, delayNanos) -> started.schedule(task, delayNanos, TimeUnit.NANOSECONDS), System::nanoTime);
    }

    private SpacedBatches<Message<T>> batches() {
        SpacedBatches<Message<T>> started = batches;
        if (started == null) {
            throw new IllegalStateException("deletes acknowledged before the processor started");
        }
        return started;
    }

    @Override
    protected CompletableFuture<Void> doOnAcknowledge(Message<T> message) {
        batches().add(message);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    protected CompletableFuture<Void> doOnAcknowledge(Collection<Message<T>> messages) {
        messages.forEach(batches()::add);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    protected void doStop() {
        if (batches != null && !batches.drain(shutdownTimeout)) {
            log.warn("Deletes still unanswered after {}; their messages reappear after their lease", shutdownTimeout);
        }
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
