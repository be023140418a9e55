package io.tenantchat.localstack.dynamodb;

import io.tenantchat.localstack.ChildProcess;
import io.tenantchat.localstack.NodeModules;
import io.tenantchat.localstack.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** dynoxide (DynamoDB stand-in) as a child process on 127.0.0.1; killed on {@link #close()} and at JVM exit. */
public final class DynoxideServer implements AutoCloseable {

    private static final String HOST = "127.0.0.1";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);

    private final ChildProcess process;
    private final int port;

    private DynoxideServer(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts on a free port.
     *
     * @param dbFile the SQLite file that keeps the tables across restarts, or null for in-memory
     */
    public static DynoxideServer start(Path dbFile) {
        return start(dbFile, Ports.free());
    }

    /** Starts on {@code port}, failing loudly if anything already listens there. */
    public static DynoxideServer start(Path dbFile, int port) {
        Ports.requireFree(port);
        ChildProcess process = ChildProcess.start("dynoxide", new ProcessBuilder(command(dbFile, port)), null,
                "Dynoxide listening on http://" + HOST + ":" + port);
        process.awaitReady(STARTUP_TIMEOUT, () -> Ports.answers(port));
        return new DynoxideServer(process, port);
    }

    public URI endpoint() {
        return URI.create("http://" + HOST + ":" + port);
    }

    @Override
    public void close() {
        process.close();
    }

    private static List<String> command(Path dbFile, int port) {
        List<String> command = new ArrayList<>(List.of(NodeModules.dynoxide().toString(), "serve",
                "--host", HOST, "--port", Integer.toString(port)));
        if (dbFile != null) {
            command.addAll(List.of("--db-path", createParent(dbFile.toAbsolutePath()).toString()));
        }
        return command;
    }

    private static Path createParent(Path file) {
        try {
            Files.createDirectories(file.getParent());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file.getParent(), e);
        }
    }
}
