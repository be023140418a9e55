package io.tenantchat.worker.reply.application;

import java.time.Duration;

/** Waits between retries; tests replace it to keep time out of the picture. */
@FunctionalInterface
public interface Sleeper {

    /** Blocks the calling thread. */
    Sleeper THREAD = pause -> Thread.sleep(pause.toMillis());

    void sleep(Duration pause) throws InterruptedException;
}
