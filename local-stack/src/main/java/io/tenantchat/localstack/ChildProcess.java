package io.tenantchat.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stand-in or service running as a child process: output drained (to a log file or SLF4J), readiness awaited
 * loudly, and the process with its descendants killed on {@link #close()} or when the JVM exits.
 */
public final class ChildProcess implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChildProcess.class);
    private static final Duration GRACE = Duration.ofSeconds(10);

    private final String name;
    private final Process process;
    private final ProcessOutput output;
    private final Thread shutdownHook;
    private final long startedNanos = System.nanoTime();
    private final AtomicBoolean closed = new AtomicBoolean();

    private ChildProcess(String name, Process process, ProcessOutput output) {
        this.name = name;
        this.process = process;
        this.output = output;
        this.shutdownHook = new Thread(this::stop, name + "-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts {@code command}; stdout and stderr go to {@code logFile}, or to SLF4J (DEBUG) when it is null.
     *
     * @param readyMarker text the child prints once it listens, or null when it prints none
     */
    public static ChildProcess start(String name, ProcessBuilder command, Path logFile, String readyMarker) {
        try {
            Process process = command.redirectErrorStream(true).start();
            log.debug("started {} (pid {}): {}", name, process.pid(), command.command());
            return new ChildProcess(name, process, ProcessOutput.drain(name, process.getInputStream(), logFile, readyMarker));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + command.command(), e);
        }
    }

    /**
     * Polls until the child printed its ready marker and {@code ready} holds, failing loudly (and killing the child)
     * if it exits first or the timeout passes.
     */
    public void awaitReady(Duration timeout, BooleanSupplier ready) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pauseMillis = 10;
        while (!(output.markerSeen() && ready.getAsBoolean() && process.isAlive())) {
            if (!process.isAlive()) {
                throw failure("exited with code " + process.exitValue());
            }
            if (System.nanoTime() > deadline) {
                throw failure("did not become ready within " + timeout.toSeconds() + " s");
            }
            waitForExit(pauseMillis);
            pauseMillis = Math.min(pauseMillis * 2, 250);
        }
        log.info("{} ready in {} ms", name, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos));
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The last lines the child printed. */
    public String outputTail() {
        return output.tail();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shutdownInProgress) {
            // the hook is running or about to run; stopping twice is harmless
        }
        stop();
    }

    /**
     * Kills the child and its descendants at once (SIGKILL), as a crash would, and waits until it is gone: no
     * shutdown hook or graceful stop runs in the child.
     */
    public void kill() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shutdownInProgress) {
            // the hook is running or about to run; killing twice is harmless
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        waitForExit(GRACE.toMillis());
        awaitOutputEnd();
    }

    private void stop() {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        descendants.forEach(ProcessHandle::destroy);
        if (!waitForExit(GRACE.toMillis())) {
            log.warn("{} (pid {}) did not stop within {} s, killing it", name, process.pid(), GRACE.toSeconds());
            process.destroyForcibly();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        awaitOutputEnd();
    }

    private boolean waitForExit(long millis) {
        try {
            return process.waitFor(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    private void awaitOutputEnd() {
        try {
            output.awaitEnd(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private IllegalStateException failure(String reason) {
        if (!process.isAlive()) {
            // read what an exited child printed before closing its streams: destroying it closes them, and a
            // busy machine's pump may not have read its last lines yet
            awaitOutputEnd();
        }
        close();
        return new IllegalStateException(name + " " + reason + "; last output:" + System.lineSeparator() + output.tail());
    }
}
