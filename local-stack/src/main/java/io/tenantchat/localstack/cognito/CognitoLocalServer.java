package io.tenantchat.localstack.cognito;

import io.tenantchat.localstack.ChildProcess;
import io.tenantchat.localstack.HttpProbe;
import io.tenantchat.localstack.NodeModules;
import io.tenantchat.localstack.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * cognito-local (Cognito user pools stand-in) as a child process on {@code localhost}; its data lives in
 * {@code <dataDir>/.cognito/db}. Tokens it issues carry the issuer {@code http://localhost:<port>/<poolId>}.
 */
public final class CognitoLocalServer implements AutoCloseable {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

    private final ChildProcess process;
    private final int port;

    private CognitoLocalServer(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts on {@code port} (0 = a free one), failing loudly if anything already listens there. */
    public static CognitoLocalServer start(Path dataDir, int port) {
        int actualPort = port == 0 ? Ports.free() : Ports.requireFree(port);
        ProcessBuilder command = new ProcessBuilder(node(), NodeModules.cognitoLocal().toString())
                .directory(createDirectories(dataDir).toFile());
        command.environment().put("HOST", "localhost");
        command.environment().put("PORT", Integer.toString(actualPort));
        ChildProcess process = ChildProcess.start("cognito-local", command, null,
                "Cognito Local running on");
        process.awaitReady(STARTUP_TIMEOUT, () -> HttpProbe.answersOk(healthUri(actualPort)));
        return new CognitoLocalServer(process, actualPort);
    }

    /** {@code http://localhost:<port>}: the issuer of its tokens is this plus {@code /<poolId>}. */
    public URI endpoint() {
        return URI.create("http://localhost:" + port);
    }

    /** {@code GET} answers 200 while it runs. */
    public static URI healthUri(int port) {
        return URI.create("http://localhost:" + port + "/health");
    }

    @Override
    public void close() {
        process.close();
    }

    private static String node() {
        return System.getProperty("tenantchat.node", "node");
    }

    private static Path createDirectories(Path dir) {
        try {
            return Files.createDirectories(dir.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }
}
