package io.tenantchat.api.erasure.config;

import io.tenantchat.api.erasure.application.ErasureService;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Each instance looks for erasure jobs whose lease ran out every {@code sweep-interval} and takes them over. */
final class ErasureSweeper implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ErasureSweeper.class);

    private final ScheduledExecutorService timer;

    private ErasureSweeper(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    static ErasureSweeper start(ErasureService service, Duration interval) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("erasure-sweeper").factory());
        timer.scheduleWithFixedDelay(() -> {
            try {
                service.sweep();
            } catch (RuntimeException e) {
                log.warn("erasure sweep failed; trying again in {}", interval, e);
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return new ErasureSweeper(timer);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
