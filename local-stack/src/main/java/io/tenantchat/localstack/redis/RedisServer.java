package io.tenantchat.localstack.redis;

import io.tenantchat.localstack.ChildProcess;
import io.tenantchat.localstack.Ports;
import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code redis-server} (Debian package {@code redis-server}) as a child process on 127.0.0.1 without persistence;
 * killed on {@link #close()} and at JVM exit.
 */
public final class RedisServer implements AutoCloseable {

    private static final String HOST = "127.0.0.1";
    private static final String EXECUTABLE = "redis-server";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(20);

    private final ChildProcess process;
    private final int port;

    private RedisServer(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Whether {@code redis-server} is on the PATH. */
    public static boolean isInstalled() {
        return executable().isPresent();
    }

    /** Starts on a free port; fails loudly when {@code redis-server} is not installed. */
    public static RedisServer start() {
        return start(Ports.free());
    }

    /** Starts on {@code port}, failing loudly if anything already listens there. */
    public static RedisServer start(int port) {
        Path executable = executable().orElseThrow(() -> new IllegalStateException(
                "redis-server is not installed: apt-get install -y redis-server"));
        Ports.requireFree(port);
        ChildProcess process = ChildProcess.start("redis", new ProcessBuilder(List.of(executable.toString(),
                "--port", Integer.toString(port), "--bind", HOST, "--save", "", "--appendonly", "no")), null,
                "Ready to accept connections");
        process.awaitReady(STARTUP_TIMEOUT, () -> Ports.answers(port));
        return new RedisServer(process, port);
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return port;
    }

    /** {@code redis://127.0.0.1:<port>} */
    public URI uri() {
        return URI.create("redis://" + HOST + ":" + port);
    }

    @Override
    public void close() {
        process.close();
    }

    @Override
    public String toString() {
        return "redis-server on port " + port;
    }

    private static Optional<Path> executable() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.concat(Stream.of(path.split(File.pathSeparator)), Stream.of("/usr/bin", "/usr/sbin"))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, EXECUTABLE))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
